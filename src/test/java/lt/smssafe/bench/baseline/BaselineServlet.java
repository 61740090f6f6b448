package lt.smssafe.bench.baseline;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The baseline's {@code /result}: GET or POST form-encoded, answered {@code text/plain} (docs/protocol.md §2). */
@WebServlet(name = "baselineResult", urlPatterns = "/result")
public final class BaselineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BaselineEndpoint endpoint = (BaselineEndpoint) getServletContext().getAttribute(BaselineApp.ATTRIBUTE);
        BaselineEndpoint.Reply reply = endpoint.answer(request.getParameterMap(), System.currentTimeMillis());
        response.setStatus(reply.status());
        if (reply.status() == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.setContentType("text/plain; charset=UTF-8");
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
