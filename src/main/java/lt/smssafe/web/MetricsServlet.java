package lt.smssafe.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /metrics} (admin only, like the admin pages: Prometheus scrapes it with BASIC credentials): this node's
 * metrics in Prometheus's text format.
 */
@WebServlet(name = "metrics", urlPatterns = "/metrics")
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(SmsSafeListener.of(getServletContext()).metrics().scrape());
    }
}
