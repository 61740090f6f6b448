package lt.smssafe.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lt.smssafe.SmsSafe;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.Dialect;
import lt.smssafe.sms.dialect.HttpAnswer;
import lt.smssafe.sms.dialect.ProviderRequest;

/**
 * An SMS gateway's endpoint: the gateway delivers every paid SMS here (GET, or POST form-encoded), the dialect reads
 * and verifies it, the session engine processes it, and the dialect writes the answer whose body is the reply SMS.
 * A refused request gets the dialect's refusal; a database outage reaches {@link FailureFilter} (503, nothing kept).
 */
abstract class ProviderServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** This endpoint's dialect in the running installation. */
    abstract Dialect dialect(SmsSafe app);

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        Dialect dialect = dialect(app);
        HttpAnswer answer;
        try {
            PaidMessage message = dialect.read(new ProviderRequest(request.getRemoteAddr(),
                    request.getParameterMap()));
            answer = dialect.answer(app.processor().process(message));
        } catch (RejectedRequestException e) {
            answer = dialect.refusal(e);
        }
        PlainText.send(response, answer.status(), answer.body());
    }
}
