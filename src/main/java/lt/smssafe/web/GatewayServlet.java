package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.rates.Gateway;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.dialect.Dialect;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.Dialect.HttpAnswer;

/**
 * The SMS gateways' endpoints: a gateway delivers every paid SMS to its URL (GET, or POST form-encoded), its dialect
 * reads and verifies it, the session engine processes it, and the dialect writes the answer whose body is the reply
 * SMS. A refused request gets the dialect's refusal; a database outage reaches {@link FailureFilter} (503, nothing
 * kept). Every answer is {@code text/plain}.
 * <ul>
 * <li>{@code /result}, the PHP original's {@code result.php}: the sms:safe protocol (docs/protocol.md §2);
 * <li>{@code /fortumo}: Fortumo premium SMS (docs/protocol.md §8.1), its paid messages and their billing reports.
 * Enter this URL as the service's "URL to forward payment info" in Fortumo's dashboard; 404 until
 * {@code fortumo.secret} is set;
 * <li>{@code /paysera}: Paysera SMS keywords (docs/protocol.md §8.2). Enter this URL as the keyword's callback
 * address in Paysera's project settings; 404 until {@code paysera.project-id} and {@code paysera.password} are set.
 * </ul>
 */
@WebServlet(name = "gateways", urlPatterns = {"/result", "/fortumo", "/paysera"})
public final class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final RefusedCallers REFUSED = new RefusedCallers(java.time.Clock.systemUTC());

    /** The gateway that calls this URL. */
    private static Gateway gateway(String path) {
        return switch (path) {
            case "/fortumo" -> Gateway.FORTUMO;
            case "/paysera" -> Gateway.PAYSERA;
            default -> Gateway.SMSSAFE;
        };
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSafe app = SmsSafeListener.of(getServletContext());
        String path = request.getServletPath();
        Gateway gateway = gateway(path);
        Optional<? extends Dialect> configured = app.dialect(gateway);
        if (configured.isEmpty()) {
            PlainText.send(response, 404, gateway.displayName() + " is not configured");
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
                REFUSED.refused(path, request.getRemoteAddr());
            }
            answer = dialect.refusal(e);
        }
        PlainText.send(response, answer.status(), answer.body());
    }
}
