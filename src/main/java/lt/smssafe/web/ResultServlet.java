package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.notify.Notification;
import lt.smssafe.notify.NotificationGate;
import lt.smssafe.processing.Answer;
import lt.smssafe.session.MessageValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /result}, the PHP original's {@code result.php}: the provider delivers every paid SMS here (GET, or POST
 * form-encoded) and the body we answer is the reply SMS (PROTOCOL.md §2). Every answer is {@code text/plain}.
 */
@WebServlet(name = "result", urlPatterns = "/result")
public final class ResultServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ResultServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        SmsSafe app = SmsSafeListener.of(getServletContext());
        NotificationGate.Verdict verdict = app.gate().check(request.getRemoteAddr(), request.getParameterMap());
        if (verdict instanceof NotificationGate.Rejected rejected) {
            PlainText.send(response, rejected.status(), rejected.body());
            return;
        }
        Notification notification = ((NotificationGate.Accepted) verdict).notification();
        try {
            Answer answer = app.processor().process(values(notification));
            PlainText.send(response, answer.status(), answer.body());
        } catch (RuntimeException e) {
            // the database is away (DatabaseUnavailableException) or failed otherwise; nothing was committed, so
            // the provider's retry will find the message new
            LOG.warn("sms:safe message {} answered 503: {}", notification.messageId(), e.toString());
            PlainText.tryAgainLater(response);
        }
    }

    private static MessageValues values(Notification n) {
        return new MessageValues(n.safeId(), n.messageId(), n.msisdn(), n.country(), n.provider(), n.shortcode(),
                n.content(), n.cost(), n.currency(), n.epochSeconds());
    }
}
