package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lt.smssafe.SmsSafe;
import lt.smssafe.rates.RefreshResult;

/**
 * {@code /cron}, the PHP original's {@code cron.php} (admin only). GET shows the rates: for each source (the feed at
 * {@code rates.url}, and Fortumo's service-data XML at {@code fortumo.rates.url} when set) where it comes from, the
 * last success, the last failure and why; then the countries and operators they hold together. POST fetches every
 * source now and says what happened — as the page for a browser, as one line per source for a script such as the
 * system's cron ({@code curl -u admin:… -X POST …/cron}): 200 when every source was refreshed, 502 when one failed
 * and its last good rates were kept. With {@code {language}} in {@code rates.url}, the feeds of the other page
 * languages are fetched for their notes only: one that fails adds a line saying that language's notes are stale,
 * and changes neither the status code nor the rates.
 */
@WebServlet(name = "cron", urlPatterns = "/cron")
public final class CronServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        render(request, response, List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        List<RefreshResult> results = SmsSafeListener.of(getServletContext()).rates().refreshAll();
        int status = results.stream().allMatch(RefreshResult::succeeded) ? 200 : 502;
        if (!Views.wantsHtml(request)) {
            StringBuilder text = new StringBuilder();
            results.forEach(result -> text.append(result.message()).append('\n'));
            staleNotes(SmsSafeListener.of(getServletContext())).forEach(line -> text.append(line).append('\n'));
            PlainText.send(response, status, text.toString());
            return;
        }
        response.setStatus(status);
        render(request, response, results);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, List<RefreshResult> outcomes)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        request.setAttribute("rates", app.rates().status());
        request.setAttribute("fortumoRates", app.rates().fortumoStatus().orElse(null));
        request.setAttribute("table", app.rates().table());
        request.setAttribute("staleNotes", staleNotes(app));
        request.setAttribute("outcomes", outcomes);
        request.setAttribute("refreshEvery", PageTimes.every(app.settings().ratesRefresh()));
        // while no rates name a count, every session needs the messages key's N: the page says so
        request.setAttribute("messages", app.settings().messages());
        // the URL a script posts to, taken before the forward: inside the view the request names the JSP
        request.setAttribute("cronUrl", request.getRequestURL().toString());
        Views.render(request, response, "cron");
    }

    /** One line for each other language whose notes feed is failing now: {@code /check} shows its last good notes. */
    private static List<String> staleNotes(SmsSafe app) {
        return app.rates().notesStatus().entrySet().stream()
                .filter(entry -> entry.getValue().failingNow())
                .map(entry -> "notes in " + entry.getKey() + " are stale (local-" + entry.getKey()
                        + ".xml is kept; the rates are not affected): "
                        + entry.getValue().lastFailureReason().orElse("unknown"))
                .toList();
    }
}
