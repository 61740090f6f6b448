package lt.smssafe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site's webhook receiver on the loopback address (the JDK's HTTP server): it keeps every request it got, raw body
 * bytes and headers, and answers with the statuses it was told, one per request in order, the last one repeated; it
 * may wait before answering, and sends a {@code Location} with a 3xx. Or, {@linkplain #answering made with a
 * Responder}, it answers what that says, each request on its own thread.
 */
public final class WebhookReceiver implements AutoCloseable {
    /**
     * One request as it arrived: its path, the headers by lower-case name (first value), the body's bytes, and when it
     * arrived ({@link System#nanoTime()}, for the pauses between attempts).
     */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, long arrivedNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * What a receiver answers to each request, instead of a script of statuses: a status, or {@link #NO_ANSWER}.
     * Called on the request's own thread, it may take its time: hold the request open, forward it elsewhere.
     */
    @FunctionalInterface
    public interface Responder {
        int answer(Received request) throws InterruptedException;
    }

    /** A {@link Responder}'s answer that closes the request without any answer. */
    public static final int NO_ANSWER = -1;

    private final HttpServer server;
    private final Responder responder;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile List<Integer> statuses = List.of(200);
    private volatile Duration wait = Duration.ZERO;
    private volatile String location = "";

    private WebhookReceiver(Responder responder) {
        this.responder = responder == null ? this::scripted : responder;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver answering 200 until told otherwise. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(null);
    }

    /** A receiver that answers what {@code responder} says (the statuses and wait set here are not used). */
    public static WebhookReceiver answering(Responder responder) {
        return new WebhookReceiver(responder);
    }

    /** {@code http://127.0.0.1:<port>/hook}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/hook");
    }

    /** The statuses of the next requests, in order; the last one for every request after. */
    public WebhookReceiver answer(Integer... next) {
        answered.set(0);
        statuses = List.of(next);
        return this;
    }

    /** Waits this long before answering each request. */
    public WebhookReceiver waiting(Duration before) {
        wait = before;
        return this;
    }

    /** The {@code Location} of a 3xx answer. */
    public WebhookReceiver redirectingTo(URI target) {
        location = target.toString();
        return this;
    }

    /** Every request so far, in the order they arrived. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, body, arrived);
            received.add(request);
            int status;
            try {
                status = responder.answer(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (status == NO_ANSWER) {
                return;
            }
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] answer = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The next status of the script, after the wait. */
    private int scripted(Received request) throws InterruptedException {
        List<Integer> script = statuses;
        int status = script.get(Math.min(answered.getAndIncrement(), script.size() - 1));
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
