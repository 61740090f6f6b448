package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;
import lt.smssafe.SmsSafe;
import lt.smssafe.sms.dialect.Dialect;

/**
 * {@code /paysera}: Paysera SMS keywords (docs/protocol.md §8.2). Enter this URL as the keyword's callback address in
 * Paysera's project settings; 404 until {@code paysera.project-id} and {@code paysera.password} are set.
 */
@WebServlet(name = "paysera", urlPatterns = "/paysera")
public final class PayseraServlet extends GatewayServlet {
    private static final long serialVersionUID = 1L;

    @Override
    Optional<? extends Dialect> dialect(SmsSafe app) {
        return app.payseraDialect();
    }

    @Override
    String gatewayName() {
        return "Paysera";
    }
}
