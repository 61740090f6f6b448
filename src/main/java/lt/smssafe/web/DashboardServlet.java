package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lt.smssafe.i18n.Language;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;
import lt.smssafe.SmsSafe;
import lt.smssafe.queries.Dashboard;
import lt.smssafe.queries.WebhookRun;

/**
 * {@code /dashboard} (admin, the admin's first page), in the configured language or {@code ?lang=}: revenue and paid
 * sessions per day of the last 30 days as a chart by country (or {@code ?by=operator}), today's and this month's
 * totals, open sessions, owed or failing payment actions, the rates' age
 * and their last refresh error; and a warning while webhook events are given up (failed for good), linking to them
 * on {@code /select}. Server-rendered (an SVG chart), so it works without JavaScript.
 */
@WebServlet(name = "dashboard", urlPatterns = "/dashboard")
public final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int DAYS = 30;
    /** How many of the owed payment actions the card names, with their last error. */
    private static final int OWED_SHOWN = 3;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        Language language = LanguageLinks.apply(request, app.settings().language());
        Dashboard dashboard = app.payments().dashboard().figures(DAYS, Dashboard.Split.of(request.getParameter("by")));
        request.setAttribute("dashboard", dashboard);
        request.setAttribute("days", DAYS);
        Map<String, String> seriesNames = seriesNames(dashboard, app.rates().table(), language);
        request.setAttribute("seriesNames", seriesNames);
        request.setAttribute("chart", DailyChart.of(dashboard, seriesNames));
        request.setAttribute("today", dashboard.totalsSince(dashboard.today()));
        request.setAttribute("month", dashboard.month());
        // the count is the database's (up to a bound); the list (at most a few shown) is capped, so it is not counted
        request.setAttribute("owedCount", dashboard.owedActions());
        request.setAttribute("owed", app.queries().pendingActions().stream().limit(OWED_SHOWN)
                .map(run -> new OwedLine(run.reference(), WebhookRun.lastErrorOf(run))).toList());
        // given-up webhook events wait for the admin's "send again" on /select, which needs the webhook configured
        request.setAttribute("failedWebhooks", app.settings().webhook().isPresent()
                ? app.queries().failedWebhookCount() : 0L);
        request.setAttribute("rates", app.rates().status());
        request.setAttribute("ratesTable", app.rates().table());
        request.setAttribute("fortumoRates", app.rates().fortumoStatus().orElse(null));
        // the database line in the page's language: the embedded file, or the name a DataSource is bound at
        request.setAttribute("databaseEmbedded", app.usesEmbeddedDatabase());
        request.setAttribute("dataDir", app.settings().dataDir().toString());
        request.setAttribute("datasource", app.settings().datasource());
        Views.render(request, response, "dashboard");
    }

    /** An owed payment action as the card names it: its payment's reference and its last error, if it failed. */
    public record OwedLine(String reference, java.util.Optional<String> lastError) {
    }

    /**
     * Each series as people read it, as {@code /check} and {@code /payments} name them: {@code "lt EUR"} becomes
     * {@code "Lithuania · EUR"} (in the page's language), {@code "tele2_lt EUR"} the operator's name from the rates
     * ({@code "Tele2 · EUR"}); a code the rates or the JDK do not know stays as it is.
     */
    static Map<String, String> seriesNames(Dashboard dashboard, RateTable rates, Language language) {
        Map<String, String> operators = new HashMap<>();
        for (RateTable.Country country : rates.countries()) {
            for (Rate rate : country.entries()) {
                operators.putIfAbsent(rate.operator(), rate.operatorName());
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String series : dashboard.series()) {
            int space = series.lastIndexOf(' ');
            String code = space < 0 ? series : series.substring(0, space);
            String currency = space < 0 ? "" : series.substring(space + 1);
            String name;
            if (dashboard.split() == Dashboard.Split.OPERATOR) {
                name = operators.getOrDefault(code, code);
            } else {
                String local = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(language.locale());
                name = local.isBlank() || local.equalsIgnoreCase(code) ? code : local;
            }
            names.put(series, currency.isEmpty() ? name : name + " · " + currency);
        }
        return names;
    }
}
