package lt.smssafe.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a complete {@code text/plain; charset=UTF-8} answer. */
final class PlainText {
    private PlainText() {
    }

    static void send(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
