package lt.smssafe.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.action.ActionRun;
import lt.smssafe.queries.SessionQueries;
import lt.smssafe.queries.WebhookRun;
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
 *
 * <p>With the webhook configured (docs/protocol.md §10), its events have a section of their own: those being
 * retried, and those given up after 3 days, each with a <em>Send again</em> button, a form that POSTs
 * {@code action=send-again&run=<id>} here ({@link AdminCsrfFilter} guards it, as every admin form). A given-up event
 * is then due at once, its attempts counted from 0 ({@code ActionRunners.sendAgain}); the browser is sent back here
 * (303) and told so once. An id that is not a given-up event of this safe is a 404 (unknown) or a 409 (being retried,
 * or delivered meanwhile), and a request without a usable {@code action} or {@code run} a 400. A script (not asking
 * for HTML) gets one line of plain text.
 */
@WebServlet(name = "select", urlPatterns = "/select")
public final class SelectServlet extends HttpServlet {
    /** The form's {@code action} that sends a given-up webhook event again. */
    static final String SEND_AGAIN = "send-again";
    /** The session attribute that carries the confirmation to the page after the redirect. */
    private static final String SENT_AGAIN = SelectServlet.class.getName() + ".sentAgain";

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
        SessionQueries queries = app.queries();
        boolean webhook = app.settings().webhook().isPresent();
        request.setAttribute("webhook", webhook);
        if (webhook) {
            // the webhook's runs in their own section; the Java action's here (those of a Java action configured
            // now, or owed before the webhook replaced it)
            request.setAttribute("actions", queries.pendingActions(ActionRun.Target.ACTION));
            request.setAttribute("javaAction", app.actions().targets().contains(ActionRun.Target.ACTION));
            request.setAttribute("webhookPending", queries.webhookEvents(queries.pendingWebhooks()));
            request.setAttribute("webhookFailed", queries.webhookEvents(queries.failedWebhooks()));
            sentAgain(request, queries).ifPresent(run -> request.setAttribute("sentAgain", run));
        } else {
            request.setAttribute("actions", queries.pendingActions());
        }
        request.setAttribute("reversed", app.queries().reversedSessions());
        request.setAttribute("unattributed", app.queries().unattributedMessages());
        request.setAttribute("unmatched", app.queries().unmatchedReports());
        Views.render(request, response, "select");
    }

    /** The admin's <em>Send again</em> of a given-up webhook event. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        if (!SEND_AGAIN.equals(request.getParameter("action"))) {
            refuse(request, response, 400, "Nothing done: the form's action must be " + SEND_AGAIN + ".");
            return;
        }
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.getParameter("run")).strip());
        } catch (NumberFormatException e) {
            refuse(request, response, 400, "Nothing sent: run must be the number of a given-up webhook event.");
            return;
        }
        if (app.settings().webhook().isEmpty()) {
            refuse(request, response, 409, "Nothing sent: the webhook is not configured (webhook.url).");
            return;
        }
        if (!app.actions().sendAgain(id)) {
            Optional<WebhookRun> run = app.queries().actionRun(id)
                    .filter(r -> r.target() == ActionRun.Target.WEBHOOK)
                    .map(r -> app.queries().webhookEvents(List.of(r)).get(0));
            if (run.isEmpty()) {
                refuse(request, response, 404, "Nothing sent: no webhook event has the number " + id + ".");
            } else {
                refuse(request, response, 409, "Nothing sent: the event " + run.get().eventId().orElse("#" + id)
                        + (run.get().run().succeededAt().isPresent() ? " was delivered meanwhile."
                                : " is not given up: it is being retried."));
            }
            return;
        }
        if (!Views.wantsHtml(request)) {
            PlainText.send(response, 200, "sent again: webhook event " + id + " is due now\n");
            return;
        }
        // the confirmation is shown once, by the page the browser is sent back to
        request.getSession().setAttribute(SENT_AGAIN, id);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/select#webhook");
    }

    /** The event the admin just sent again, once: the confirmation is taken from the session as it is shown. */
    private static Optional<WebhookRun> sentAgain(HttpServletRequest request, SessionQueries queries) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SENT_AGAIN) instanceof Long id)) {
            return Optional.empty();
        }
        session.removeAttribute(SENT_AGAIN);
        return queries.actionRun(id).map(run -> queries.webhookEvents(List.of(run)).get(0));
    }

    /** Nothing was sent: the page with why (a script gets the line alone), and a 4xx. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why)
            throws ServletException, IOException {
        if (!Views.wantsHtml(request)) {
            PlainText.send(response, status, why + "\n");
            return;
        }
        response.setStatus(status);
        request.setAttribute("sendAgainRefused", why);
        doGet(request, response);
    }

    /** One line of the table: the session and its time left, written out. */
    public record Row(SessionStatus session, String waitLeft) {
    }
}
