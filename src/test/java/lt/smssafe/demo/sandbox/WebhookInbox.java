package lt.smssafe.demo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lt.smssafe.testing.WebhookContract;

/**
 * {@code POST /webhook}: the sandbox plays a shop's webhook receiver (docs/webhooks.md, "Check it"), the demo's
 * {@code webhook.url}. It checks each delivery as a shop must, with the JDK's own HMAC ({@link WebhookContract})
 * and nothing of sms:safe's code: {@code HMAC-SHA256(secret, t + "." + raw body)} in hex against every {@code v1} of
 * {@code SmsSafe-Signature} in constant time, {@code t} within 5 minutes of its clock; a refused one is answered
 * {@code 400} with the reason. A genuine one is handled once per event id ({@code 200 accepted}, then
 * {@code 200 duplicate}). The switch of {@link WebhooksPage} makes it fail on purpose ({@code 500}, or no answer
 * within sms:safe's 10 s) so that the retries can be watched. It keeps the last {@link #KEPT} deliveries in memory.
 */
final class WebhookInbox implements Exchanges.Page {
    /** docs/webhooks.md: refuse a {@code t} further than 5 minutes from the receiver's clock, either way. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** How many deliveries the page keeps: the newest. */
    static final int KEPT = 100;
    /** How long a timing-out answer is held: past sms:safe's limit of 10 s for a whole delivery. */
    static final Duration HELD = Duration.ofSeconds(11);
    /** The headers a receiver reads, in the order the page shows them, as docs/webhooks.md writes their names. */
    private static final List<String> KNOWN_HEADERS = List.of("Content-Type", "SmsSafe-Event", "SmsSafe-Signature",
            "User-Agent");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the receiver answers a genuine delivery: the switch on {@code /webhooks}. */
    enum Mode {
        /** 200, as a working receiver does. */
        ANSWER("answers 200: each event is accepted once"),
        /** 500 to every delivery, as a receiver whose database is away. */
        FAIL("answers 500 to every delivery: sms:safe retries each event with growing pauses"),
        /** Holds the answer past sms:safe's 10 s: each delivery times out and is retried. */
        TIME_OUT("holds every answer " + HELD.toSeconds() + " s: sms:safe gives up on each after 10 s and retries");

        final String words;

        Mode(String words) {
            this.words = words;
        }

        /** {@code answer}, {@code fail} or {@code time-out}, as the switch's form sends it. */
        String formValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Mode> of(String formValue) {
            for (Mode mode : values()) {
                if (mode.formValue().equals(formValue)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One delivery as it arrived and was answered.
     *
     * @param eventId the body's {@code id} (the {@code SmsSafe-Event} header when the body has none)
     * @param type the body's {@code type}, or empty
     * @param headers the request's headers, those a receiver reads first, each name with its first value
     * @param body the raw body as text
     * @param refusal why the signature was refused, or empty when it verified
     * @param status what the sandbox answered, 0 for no answer in time
     * @param answer the answer's text, or what happened instead
     */
    record Delivery(Instant at, String eventId, String type, List<Map.Entry<String, String>> headers, String body,
            Optional<String> refusal, int status, String answer) {
        boolean verified() {
            return refusal.isEmpty();
        }
    }

    private final Clock clock;
    private final String secret;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<String> handled = new HashSet<>();
    private volatile Mode mode = Mode.ANSWER;

    WebhookInbox(Clock clock, String secret) {
        this.clock = clock;
        this.secret = secret;
    }

    Mode mode() {
        return mode;
    }

    void switchTo(Mode next) {
        mode = next;
    }

    /** The deliveries kept, oldest first. */
    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void post(HttpExchange exchange) throws IOException {
        Instant at = clock.instant();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String header = exchange.getRequestHeaders().getFirst("SmsSafe-Signature");
        Optional<String> refusal = refusal(header, body, at);
        Optional<JsonNode> event = event(body);
        String eventId = event.map(e -> e.path("id").asText(null))
                .orElse(exchange.getRequestHeaders().getFirst("SmsSafe-Event"));
        String type = event.map(e -> e.path("type").asText("")).orElse("");
        Mode now = mode;
        int status;
        String answer;
        if (refusal.isPresent()) {
            status = 400;
            answer = refusal.get();
        } else if (event.isEmpty() || eventId == null) {
            status = 400;
            answer = "malformed body: not an event with an id";
        } else if (now == Mode.FAIL) {
            status = 500;
            answer = "failing on purpose (the switch on /webhooks)";
        } else if (now == Mode.TIME_OUT) {
            status = 0;
            answer = "no answer within 10 s: held " + HELD.toSeconds() + " s (the switch on /webhooks)";
        } else {
            synchronized (this) {
                status = 200;
                answer = handled.add(eventId) ? "accepted" : "duplicate";
            }
        }
        keep(new Delivery(at, eventId == null ? "" : eventId, type, headers(exchange),
                new String(body, StandardCharsets.UTF_8), refusal, status, answer));
        if (status == 0) {
            try {
                Thread.sleep(HELD.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            status = 200;
            answer = "too late";
        }
        try {
            Exchanges.send(exchange, status, "text/plain; charset=UTF-8", answer + "\n");
        } catch (IOException gone) {
            // a timed-out sender has closed the connection: nobody reads this answer
        }
    }

    private synchronized void keep(Delivery delivery) {
        deliveries.add(delivery);
        if (deliveries.size() > KEPT) {
            deliveries.remove(0);
        }
    }

    /**
     * Why this delivery is not genuine, or empty when it is: what a shop's receiver checks (docs/webhooks.md), with
     * the JDK's own HMAC and a constant-time comparison, over the body's bytes exactly as they arrived.
     */
    Optional<String> refusal(String header, byte[] body, Instant now) {
        if (header == null) {
            return Optional.of("no SmsSafe-Signature header");
        }
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            // Unix seconds as the sender writes them: digits, no leading zero (the signed text is t as sent)
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("0|[1-9][0-9]{0,11}")) {
                t = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1") && !pair[1].isEmpty()) {
                signatures.add(pair[1]);
            }
        }
        if (t == null || signatures.isEmpty()) {
            return Optional.of("malformed SmsSafe-Signature header: no t or no v1");
        }
        long away = Math.abs(now.getEpochSecond() - Long.parseLong(t));
        if (away > TOLERANCE.toSeconds()) {
            return Optional.of("stale timestamp: t is " + away + " s from the sandbox's clock (at most "
                    + TOLERANCE.toSeconds() + " s)");
        }
        byte[] expected = WebhookContract.v1(secret, Long.parseLong(t), body)
                .getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
        }
        return Optional.of("bad signature: no v1 is HMAC-SHA256(secret, t + \".\" + body)");
    }

    /** The body as a JSON object, if it is one. */
    private static Optional<JsonNode> event(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The request's headers: those a receiver reads, named as the docs write them, then the others by name. */
    private static List<Map.Entry<String, String>> headers(HttpExchange exchange) {
        List<Map.Entry<String, String>> known = new ArrayList<>();
        List<Map.Entry<String, String>> others = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            Optional<String> docName = KNOWN_HEADERS.stream().filter(h -> h.equalsIgnoreCase(name)).findFirst();
            if (docName.isPresent()) {
                known.add(Map.entry(docName.get(), value));
            } else {
                others.add(Map.entry(name, value));
            }
        });
        known.sort(Comparator.comparingInt(h -> KNOWN_HEADERS.indexOf(h.getKey())));
        others.sort(Map.Entry.comparingByKey());
        known.addAll(others);
        return known;
    }
}
