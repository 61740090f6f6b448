package lt.smssafe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The webhook comparison's receiver: a JDK {@link HttpServer} on the loopback address that answers every POST to
 * {@code /hook} with 204 at once and records when each event arrived and its body. It does not check signatures:
 * what is measured is the sender's cost, and the events are counted by their session codes against the sessions
 * closed ({@link #since}).
 */
final class WebhookReceiver implements AutoCloseable {
    /** One delivery as it arrived. */
    record Arrival(Instant at, String body) {
    }

    /** A delivery's event, read from its body. */
    record Event(Instant arrived, String id, String code, Instant closedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Arrival> arrivals = new ArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Instant at = Instant.now();
                boolean post = exchange.getRequestMethod().equals("POST");
                if (post) {
                    synchronized (arrivals) {
                        arrivals.add(new Arrival(at, new String(body, StandardCharsets.UTF_8)));
                    }
                }
                exchange.sendResponseHeaders(post ? 204 : 405, -1);
            }
        });
        server.start();
    }

    /** {@code webhook.url}: {@code http://127.0.0.1:<port>/hook}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Deliveries received so far: the mark that {@link #since} counts from. */
    int count() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    /** The events that arrived after the first {@code mark}, in their order of arrival. */
    List<Event> since(int mark) throws IOException {
        List<Arrival> copy;
        synchronized (arrivals) {
            copy = new ArrayList<>(arrivals.subList(mark, arrivals.size()));
        }
        List<Event> events = new ArrayList<>(copy.size());
        for (Arrival arrival : copy) {
            JsonNode event = JSON.readTree(arrival.body());
            JsonNode data = event.path("data");
            events.add(new Event(arrival.at(), event.path("id").asText(), data.path("code").asText(),
                    data.hasNonNull("closedAt") ? Instant.parse(data.get("closedAt").asText()) : null));
        }
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
