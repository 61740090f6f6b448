package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.queries.Dashboard;

/**
 * {@code /dashboard} (admin, the admin's first page), in the configured language or {@code ?lang=}: revenue and paid
 * sessions per day of the last 30 days as a chart by country (or {@code ?by=operator}), today's and this month's
 * totals, open sessions, owed or failing payment actions, the rates' age
 * and their last refresh error. Server-rendered (an SVG chart), so it works without JavaScript.
 */
@WebServlet(name = "dashboard", urlPatterns = "/dashboard")
public final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int DAYS = 30;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        LanguageLinks.apply(request, app.settings().language());
        Dashboard dashboard = app.payments().dashboard(DAYS, Dashboard.Split.of(request.getParameter("by")));
        request.setAttribute("dashboard", dashboard);
        request.setAttribute("days", DAYS);
        request.setAttribute("chart", DailyChart.of(dashboard));
        request.setAttribute("today", dashboard.totalsSince(dashboard.today()));
        request.setAttribute("month", dashboard.month());
        // the count is the database's; the list (at most a few shown) is capped, so it is not counted
        request.setAttribute("owedCount", app.queries().owedActions());
        request.setAttribute("owed", app.queries().pendingActions());
        request.setAttribute("rates", app.rates().status());
        request.setAttribute("database", app.databaseDescription());
        Views.render(request, response, "dashboard");
    }
}
