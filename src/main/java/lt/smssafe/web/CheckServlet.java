package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import lt.smssafe.SmsSafe;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.i18n.Language;
import lt.smssafe.i18n.TimeLeft;

/**
 * {@code /check}, the PHP original's {@code check.php}, open to anyone. Without {@code session}: the usage primer,
 * step by step without JavaScript — choose a country ({@code ?country=}), then an operator ({@code &provider=}, and
 * {@code &gateway=} where the operator has entries of several gateways), and read the number, the exact text to
 * send for that entry's gateway (with {@code ?content=} filled in), the price, the number of messages, the total,
 * the delay warning and, for Fortumo, its promotional text. With {@code ?session=CODE}: that session's status, as a
 * page that refreshes itself while the session is open, or as JSON ({@code &format=json} or {@code Accept:
 * application/json}); an unknown code is a 404. An address that looked up more than {@code check.limit} unknown codes
 * within a minute gets {@code 429 too many requests} with {@code Retry-After} for every status lookup until that
 * minute has passed ({@link CheckThrottle}): a session code is a bearer secret, and this page must not be an oracle
 * for guessing one. That no link carries the status page's URL (it holds the code) to another site is
 * {@link SecurityHeadersFilter}'s.
 */
@WebServlet(name = "check", urlPatterns = "/check")
public final class CheckServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private transient CheckThrottle throttle;

    @Override
    public void init() {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        // without an application (its configuration failed) the deployment has failed: nothing is looked up
        throttle = new CheckThrottle(app == null ? 1 : app.settings().checkLimit(), Clock.systemUTC());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        Language language = LanguageLinks.apply(request, app.settings().language());
        String session = request.getParameter("session");
        if (session != null) {
            showStatus(app, session, language, request, response);
        } else {
            showPrimer(app, language, request, response);
        }
    }

    private void showStatus(SmsSafe app, String code, Language language, HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        String caller = request.getRemoteAddr();
        OptionalLong refused = throttle.refusal(caller);
        Optional<SessionStatus> status = Optional.empty();
        if (refused.isEmpty()) {
            status = app.queries().status(code);
            if (status.isEmpty()) {
                refused = throttle.unknownCode(caller);
            }
        }
        if (refused.isPresent()) {
            tooManyRequests(refused.getAsLong(), code, request, response);
            return;
        }
        if (Views.wantsJson(request)) {
            JsonText.send(response, status.isPresent() ? 200 : 404,
                    status.map(StatusJson::of).orElseGet(StatusJson::unknown));
            return;
        }
        response.setStatus(status.isPresent() ? 200 : 404);
        request.setAttribute("code", shownCode(code));
        status.ifPresent(s -> {
            request.setAttribute("status", s);
            request.setAttribute("waitLeft", TimeLeft.formatForPage(s.waitLeft(), language));
        });
        Views.render(request, response, "status");
    }

    /**
     * {@code 429} with {@code Retry-After}, as JSON {@code {"error":"too many requests"}} or as the status page saying
     * so in the page's language. Nothing about the code: known or not, the answer is the same.
     */
    private static void tooManyRequests(long seconds, String code, HttpServletRequest request,
            HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (Views.wantsJson(request)) {
            JsonText.send(response, 429, Map.of("error", "too many requests"));
            return;
        }
        response.setStatus(429);
        request.setAttribute("code", shownCode(code));
        request.setAttribute("retryAfter", seconds);
        Views.render(request, response, "status");
    }

    /** What the page repeats of the code that was typed: at most 20 characters. */
    private static String shownCode(String code) {
        return code.length() > 20 ? code.substring(0, 20) : code;
    }

    private void showPrimer(SmsSafe app, Language language, HttpServletRequest request,
            HttpServletResponse response)
            throws ServletException, IOException {
        RateTable table = app.rates().table();
        String content = content(request.getParameter("content"));
        request.setAttribute("table", table);
        request.setAttribute("countryNames", countryNames(table, language));
        request.setAttribute("content", content);
        request.setAttribute("safe", app.settings().safe());
        String countryCode = request.getParameter("country");
        String operatorCode = request.getParameter("provider");
        String gatewayCode = request.getParameter("gateway");
        Optional<RateTable.Country> country = countryCode == null ? Optional.empty()
                : table.countries().stream().filter(c -> c.code().equalsIgnoreCase(countryCode)).findFirst();
        // an operator may have entries of several gateways: the page's link names the gateway where it must
        List<Rate> candidates = country.isEmpty() || operatorCode == null ? List.of()
                : country.get().entriesFor(operatorCode).stream()
                        .filter(r -> gatewayCode == null || r.gateway().code().equals(gatewayCode)).toList();
        Optional<Rate> rate = candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        boolean unknownChoice = countryCode != null && country.isEmpty()
                || operatorCode != null && country.isPresent() && candidates.isEmpty();
        if (unknownChoice) {
            response.setStatus(404);
            request.setAttribute("unknownChoice", true);
        }
        country.ifPresent(c -> {
            request.setAttribute("country", c);
            request.setAttribute("choices", candidates.size() > 1 ? candidates : c.entries());
        });
        rate.ifPresent(r -> {
            request.setAttribute("rate", r);
            request.setAttribute("textToSend", r.textToSend(app.settings().safe(), content));
            request.setAttribute("delayed", r.messages() > 1 && !app.settings().delay().isZero());
            request.setAttribute("timesForm", language.pluralForm(r.messages()));
            request.setAttribute("delay", TimeLeft.formatForPage(app.settings().delay(), language));
            showNotes(app, r, language, request);
            r.promotionalText().map(text -> text.forPage(language.code(), r.country())).filter(t -> !t.isBlank())
                    .ifPresent(text -> request.setAttribute("promotionalText", text));
        });
        Views.render(request, response, "check");
    }

    /**
     * The entry's notes in the page's language: the language key's feed's own, or, on a page in another language, that
     * language's feed's notes for the same entry ({@code {language}} in {@code rates.url}). Where that feed has none,
     * the language key's notes, and the page says which language they are in rather than pass them off as translated.
     */
    private static void showNotes(SmsSafe app, Rate rate, Language page, HttpServletRequest request) {
        Language configured = app.settings().language();
        Optional<List<String>> translated = page == configured ? Optional.empty()
                : app.rates().notes(page.code(), rate);
        request.setAttribute("notes", translated.orElse(rate.notes()));
        request.setAttribute("notesLanguage", translated.isPresent() ? page.code() : configured.code());
        if (translated.isEmpty() && page != configured) {
            request.setAttribute("notesLanguageName", configured.locale().getDisplayLanguage(page.locale()));
        }
    }

    /** Each country's name in the page's language where the JDK knows it, else as the rates name it. */
    private static java.util.Map<String, String> countryNames(RateTable table, Language language) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (RateTable.Country country : table.countries()) {
            String local = new java.util.Locale("", country.code().toUpperCase(java.util.Locale.ROOT))
                    .getDisplayCountry(language.locale());
            names.put(country.code(), local.isBlank() || local.equalsIgnoreCase(country.code()) ? country.name()
                    : local);
        }
        return names;
    }

    /** The content to put into the text, cut to what a paid message may carry; nothing when not given. */
    private static String content(String content) {
        if (content == null) {
            return "";
        }
        String stripped = content.strip();
        return stripped.codePointCount(0, stripped.length()) <= PaidMessage.MAX_CONTENT_CODE_POINTS ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, PaidMessage.MAX_CONTENT_CODE_POINTS));
    }
}
