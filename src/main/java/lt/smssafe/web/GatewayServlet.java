package lt.smssafe.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.dialect.Dialect;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.Dialect.HttpAnswer;

/**
 * An SMS gateway's endpoint: the gateway delivers every paid SMS here (GET, or POST form-encoded), the dialect reads
 * and verifies it, the session engine processes it, and the dialect writes the answer whose body is the reply SMS.
 * A refused request gets the dialect's refusal; a database outage reaches {@link FailureFilter} (503, nothing kept).
 */
abstract class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final RefusedCallers REFUSED = new RefusedCallers(java.time.Clock.systemUTC());

    /** This endpoint's dialect in the running installation; empty when its keys are not set. */
    abstract Optional<? extends Dialect> dialect(SmsSafe app);

    /** The endpoint's name in the 404 of a gateway that is not configured. */
    abstract String gatewayName();

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
        Optional<? extends Dialect> configured = dialect(app);
        if (configured.isEmpty()) {
            PlainText.send(response, 404, gatewayName() + " is not configured");
            return;
        }
        Dialect dialect = configured.get();
        HttpAnswer answer;
        try {
            GatewayEvent event = dialect.read(new GatewayRequest(request.getRemoteAddr(),
                    request.getParameterMap()));
            answer = dialect.answer(app.processor().handle(event));
        } catch (RejectedRequestException e) {
            if (e.reason() == RejectedRequestException.Reason.FORBIDDEN) {
                REFUSED.refused(request.getServletPath(), request.getRemoteAddr());
            }
            answer = dialect.refusal(e);
        }
        PlainText.send(response, answer.status(), answer.body());
    }
}
