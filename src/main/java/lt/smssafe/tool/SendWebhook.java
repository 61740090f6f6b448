package lt.smssafe.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.sms.SessionCode;
import lt.smssafe.webhook.WebhookEvent;
import lt.smssafe.webhook.WebhookSigner;

/**
 * {@code SendNotification --webhook}: a sample event of the chosen type, made by production's {@link WebhookEvent}
 * from a made-up payment (so its body has exactly the real shape) and signed by {@link WebhookSigner}, POSTed to a
 * shop's receiver as sms:safe's webhook POSTs it (docs/webhooks.md): {@code Content-Type: application/json},
 * {@code SmsSafe-Event}, {@code SmsSafe-Signature}, HTTP/1.1, redirects not followed, 10 s for the answer. Prints the
 * event and each answer; neither the secret nor a signature is printed. Each run is a new payment (a new session
 * code or transaction id), so a new event id; {@code --deliveries N} sends the same event N times, each signed anew,
 * as sms:safe's retries do.
 */
final class SendWebhook {
    /** docs/protocol.md §10: a 2xx answer within 10 seconds is delivered. */
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** The safe of the sample payment when {@code --safe} is not given: the demo's. */
    static final long DEFAULT_SAFE = 1234;
    /** What the tool prints of a receiver's answer, at most. */
    private static final int ANSWER_SHOWN = 300;

    private final HttpClient http;
    private final Clock clock;
    private final PrintStream out;
    private final RandomGenerator random;

    SendWebhook(HttpClient http, Clock clock, PrintStream out) {
        this(http, clock, out, new SecureRandom());
    }

    SendWebhook(HttpClient http, Clock clock, PrintStream out, RandomGenerator random) {
        this.http = http;
        this.clock = clock;
        this.out = out;
        this.random = random;
    }

    /** Sends the sample event; 0 when every delivery was answered 2xx, 1 otherwise. */
    int run(CommandLine options) {
        WebhookEvent event = sample(options, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        WebhookSigner signer = new WebhookSigner(options.webhookConfig.secret());
        String body = event.json();
        out.println(event.type() + " " + event.id() + " to " + options.webhookConfig.url());
        out.println(body);
        boolean allDelivered = true;
        for (int i = 0; i < options.deliveries; i++) {
            HttpRequest request = HttpRequest.newBuilder(options.webhookConfig.url())
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(LIMIT)
                    .header("Content-Type", "application/json")
                    .header("SmsSafe-Event", event.id())
                    .header(WebhookSigner.HEADER, signer.header(clock.instant().getEpochSecond(), body))
                    .header("User-Agent", "sms:safe for Java")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            allDelivered &= deliver(request);
        }
        return allDelivered ? 0 : 1;
    }

    /** One delivery: its answer printed, and whether sms:safe would count it delivered. */
    private boolean deliver(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            out.println("no answer within " + LIMIT.toSeconds() + " s: not delivered, sms:safe would retry it");
            return false;
        } catch (IOException e) {
            out.println("cannot reach " + request.uri() + ": " + e + ": not delivered, sms:safe would retry it");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted");
            return false;
        }
        int status = response.statusCode();
        out.println((status + " " + shown(response.body())).strip());
        if (status >= 300 && status < 400) {
            out.println("  not delivered: redirects are not followed (sms:safe would retry it); answer at this URL");
        } else if (status < 200 || status >= 300) {
            out.println("  not delivered: only a 2xx answer is (sms:safe would retry it)");
        }
        return status >= 200 && status < 300;
    }

    /** The answer on one line, cut short. */
    private static String shown(String answer) {
        String line = answer.strip().replaceAll("\\s+", " ");
        return line.length() <= ANSWER_SHOWN ? line : line.substring(0, ANSWER_SHOWN) + "…";
    }

    /** The event of {@code --type} for a made-up payment that completed at {@code now}. */
    WebhookEvent sample(CommandLine options, Instant now) {
        long safe = options.safe == null ? DEFAULT_SAFE : Long.parseLong(options.safe);
        String msisdn = options.value("msisdn", SendNotification.DEFAULT_MSISDN);
        String operator = options.value("provider", "bite_lt");
        String content = options.value("content", SendNotification.DEFAULT_CONTENT);
        String currency = options.value("currency", "EUR");
        return switch (options.type) {
            case WebhookEvent.SESSION_REVERSED -> {
                // Fortumo's billing report reverses a message (docs/protocol.md §8): a session paid 10 minutes ago
                Instant closed = now.minus(Duration.ofMinutes(10));
                ClosedSession session = session(safe, msisdn, options, operator, content, currency, closed,
                        "fortumo");
                ReversedMessage message = new ReversedMessage("fortumo", "sample-" + hex(8), new BigDecimal("1.45"),
                        currency, closed, now);
                yield WebhookEvent.reversed(session, message, message.cost());
            }
            case WebhookEvent.MBS_COMMITTED -> WebhookEvent.committed(safe, new CommittedTransaction(1,
                    100_000 + random.nextLong(900_000), content, "acc-1001", msisdn, operator, 250, currency, now));
            default -> WebhookEvent.closed(session(safe, msisdn, options, operator, content, currency, now,
                    "smssafe"));
        };
    }

    /** A session of two messages, 2.90 in all, opened 15 minutes before it closed, with a new code. */
    private ClosedSession session(long safe, String msisdn, CommandLine options, String operator, String content,
            String currency, Instant closed, String dialect) {
        return new ClosedSession(SessionCode.random(random).value(), safe, msisdn, options.value("country", "lt"), operator, content,
                2, new BigDecimal("2.90"), currency, closed.minus(Duration.ofMinutes(15)), closed, dialect,
                options.test);
    }

    private String hex(int bytes) {
        byte[] random = new byte[bytes];
        this.random.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
