package lt.smssafe.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a complete {@code text/plain; charset=UTF-8} answer. */
final class PlainText {
    private PlainText() {
    }

    /** Seconds a caller should wait before trying again after a 503. */
    static final String RETRY_AFTER_SECONDS = "30";

    /**
     * {@code 503 try again later} with {@code Retry-After}: the database or the platform cannot be reached now,
     * the caller did nothing wrong, and a retry will work once it is back.
     */
    static void tryAgainLater(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        send(response, 503, "try again later");
    }

    static void send(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
