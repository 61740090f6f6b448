package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.sms.dialect.Dialect;

/**
 * {@code /fortumo}: Fortumo premium SMS (docs/protocol.md §8.1), its paid messages and their billing reports. Enter this
 * URL as the service's "URL to forward payment info" in Fortumo's dashboard; 404 until {@code fortumo.secret} is set.
 */
@WebServlet(name = "fortumo", urlPatterns = "/fortumo")
public final class FortumoServlet extends GatewayServlet {
    private static final long serialVersionUID = 1L;

    @Override
    Optional<? extends Dialect> dialect(SmsSafe app) {
        return app.fortumoDialect();
    }

    @Override
    String gatewayName() {
        return "Fortumo";
    }
}
