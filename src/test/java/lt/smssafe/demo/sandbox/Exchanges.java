package lt.smssafe.demo.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The few request and response chores of the sandbox's pages, over the JDK's own HTTP server. */
final class Exchanges {
    private Exchanges() {
    }

    /** A page's GET and POST, each optional: anything else is a 405, a failure a short 500 page. */
    interface Page {
        default void get(HttpExchange exchange) throws IOException {
            send(exchange, 405, "text/plain; charset=UTF-8", "method not allowed");
        }

        default void post(HttpExchange exchange) throws IOException {
            send(exchange, 405, "text/plain; charset=UTF-8", "method not allowed");
        }
    }

    /** A handler for this page that answers only its own exact path (the JDK's contexts match by prefix). */
    static HttpHandler handler(String path, Page page) {
        return exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, 404, "text/plain; charset=UTF-8", "not found");
                } else if ("POST".equals(exchange.getRequestMethod())) {
                    page.post(exchange);
                } else if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
                    page.get(exchange);
                } else {
                    send(exchange, 405, "text/plain; charset=UTF-8", "method not allowed");
                }
            } catch (RuntimeException e) {
                // the sandbox is a local demo: say what broke instead of a silent empty answer
                send(exchange, 500, "text/plain; charset=UTF-8", "sandbox error: " + e);
            }
        };
    }

    /** The query's parameters and, for a form POST, the body's; a later value of a name wins. */
    static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(decode(exchange.getRequestURI().getRawQuery()));
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                parameters.putAll(decode(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return parameters;
    }

    static void html(HttpExchange exchange, String page) throws IOException {
        send(exchange, 200, "text/html; charset=UTF-8", page);
    }

    /** Post/redirect/get: reloading the page after a send shows it again rather than sending again. */
    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return values;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
