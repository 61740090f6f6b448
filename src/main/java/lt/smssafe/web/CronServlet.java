package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.rates.RefreshResult;

/**
 * {@code /cron}, the PHP original's {@code cron.php} (admin only). GET shows the rates: where they come from, the
 * last success, the last failure and why, and the countries and operators they hold. POST fetches them now and
 * says what happened — as the page for a browser, as one line of text for a script such as the system's cron
 * ({@code curl -u admin:… -X POST …/cron}): 200 when the rates were refreshed, 502 when the refresh failed and the
 * last good rates were kept.
 */
@WebServlet(name = "cron", urlPatterns = "/cron")
public final class CronServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        render(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        RefreshResult result = SmsSafeListener.of(getServletContext()).rates().refreshNow();
        int status = result.succeeded() ? 200 : 502;
        if (!Views.wantsHtml(request)) {
            PlainText.send(response, status, result.message() + "\n");
            return;
        }
        response.setStatus(status);
        render(request, response, result);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, RefreshResult outcome)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        request.setAttribute("rates", app.rates().status());
        request.setAttribute("outcome", outcome);
        request.setAttribute("refreshEvery", app.settings().ratesRefresh());
        // the URL a script posts to, taken before the forward: inside the view the request names the JSP
        request.setAttribute("cronUrl", request.getRequestURL().toString());
        Views.render(request, response, "cron");
    }
}
