package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.metrics.NodeHealth;

/**
 * {@code /health}, for load balancers (open to anyone, no secrets): {@code 200} with
 * {@code {"status":"up","database":"up","schema":"current"}} when this node can take payments, {@code 503} with what
 * is wrong otherwise ({@code "database":"down"}, or {@code "not ready"} for a Galera node outside the Primary
 * component or not synced). Cheap enough to poll every second.
 */
@WebServlet(name = "health", urlPatterns = "/health")
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NodeHealth.Verdict verdict = SmsSafeListener.of(getServletContext()).health().check();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", verdict.up() ? "up" : "down");
        fields.put("database", switch (verdict.database()) {
            case UP -> "up";
            case NOT_READY -> "not ready";
            case DOWN -> "down";
        });
        fields.put("schema", !verdict.databaseUp() ? "unknown" : verdict.schemaCurrent() ? "current" : "pending");
        JsonText.send(response, verdict.up() ? 200 : 503, fields);
    }
}
