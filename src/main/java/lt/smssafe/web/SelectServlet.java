package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lt.smssafe.SmsSafe;
import lt.smssafe.queries.Page;
import lt.smssafe.queries.SessionFilter;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.i18n.Language;
import lt.smssafe.i18n.TimeLeft;

/**
 * {@code /select}, the PHP original's {@code select.php} (admin only): the unclosed sessions, open and waiting,
 * newest activity first (by phone with a phone filter), 50 a page with an "older" link that goes on from the last one
 * shown, filtered by phone number (its start), country, operator and state; and the
 * payment actions that have not succeeded yet, with their attempts and last error; and what needs the site owner's
 * eye from the live gateways (docs/protocol.md §8): closed sessions that lost a message to a reversal, messages kept
 * without a sender, and reports about messages never stored.
 */
@WebServlet(name = "select", urlPatterns = "/select")
public final class SelectServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        SessionFilter filter = SessionFilter.of(request.getParameter("msisdn"), request.getParameter("country"),
                request.getParameter("provider"), request.getParameter("state"));
        Page<SessionStatus> page = app.queries().unclosed(filter, request.getParameter("cursor"));
        List<Row> rows = page.items().stream()
                .map(s -> new Row(s, TimeLeft.format(s.waitLeft(), Language.EN))).toList();
        for (String field : List.of("msisdn", "country", "provider", "state")) {
            String value = request.getParameter(field);
            request.setAttribute("filter_" + field, value == null ? "" : value.strip());
        }
        request.setAttribute("page", page);
        request.setAttribute("rows", rows);
        request.setAttribute("actions", app.queries().pendingActions());
        request.setAttribute("reversed", app.queries().reversedSessions());
        request.setAttribute("unattributed", app.queries().unattributedMessages());
        request.setAttribute("unmatched", app.queries().unmatchedReports());
        Views.render(request, response, "select");
    }

    /** One line of the table: the session and its time left, written out. */
    public record Row(SessionStatus session, String waitLeft) {
    }
}
