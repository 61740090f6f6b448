package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.sms.dialect.Dialect;

/**
 * {@code /result}, the PHP original's {@code result.php}: the sms:safe protocol (docs/protocol.md §2). The sms:safe
 * gateway delivers every paid SMS here and the body we answer is the reply SMS; every answer is {@code text/plain}.
 */
@WebServlet(name = "result", urlPatterns = "/result")
public final class ResultServlet extends GatewayServlet {
    private static final long serialVersionUID = 1L;

    @Override
    Optional<Dialect> dialect(SmsSafe app) {
        return Optional.of(app.smsSafeDialect());
    }

    @Override
    String gatewayName() {
        return "sms:safe";
    }
}
