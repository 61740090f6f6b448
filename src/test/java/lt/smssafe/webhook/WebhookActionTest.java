package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.WebhookContract;
import lt.smssafe.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook's POST against a real receiver on the loopback address: what arrives (headers, the body's bytes, a
 * signature the receiver can check with nothing but HMAC-SHA256), and each way a delivery fails — a status that is
 * not 2xx, a redirect (not followed), no answer within the limit, a refused connection — each an exception saying
 * what happened and counted by outcome.
 */
class WebhookActionTest {
    static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");
    /** The test's limit for one delivery; production's is 10 s. */
    private static final Duration LIMIT = Duration.ofMillis(300);
    static final ClosedSession SESSION = new ClosedSession("7KQ2M9XA", 1234, "37060000001", "lt", "bite_lt",
            "order-42", 2, new BigDecimal("2.90"), "EUR", Instant.parse("2026-12-07T10:00:00Z"),
            Instant.parse("2026-12-07T10:15:00.250Z"), "smssafe", false);

    private final MutableClock clock = new MutableClock(NOW);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private WebhookAction webhook;

    @AfterEach
    void close() {
        if (webhook != null) {
            webhook.close();
        }
        receiver.close();
    }

    private WebhookAction webhookTo(URI url) {
        webhook = new WebhookAction(new WebhookConfig(url, SECRET), 1234, clock, LIMIT);
        return webhook;
    }

    /** The signature as a receiver computes it: the JDK's own HMAC over {@code t + "." + } the raw body bytes. */
    static String expectedSignature(String secret, long t, byte[] body) {
        return WebhookContract.v1(secret, t, body);
    }

    @Test
    void aClosedSessionIsPostedAsSignedJsonThatTheReceiverCanCheck() throws Exception {
        webhookTo(receiver.url()).sessionClosed(SESSION);

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        String id = request.header("SmsSafe-Event");
        assertThat(id).matches("evt_[0-9a-f]{32}");
        String signature = request.header("SmsSafe-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(t).isEqualTo(NOW.getEpochSecond());
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        assertThat(MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
                expectedSignature(SECRET, t, request.body()).getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(expectedSignature("another-secret-0123456789abcdef0123", t, request.body())).isNotEqualTo(v1);

        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("type").asText()).isEqualTo("session.closed");
        assertThat(body.get("created").asLong()).isEqualTo(SESSION.closedAt().getEpochSecond());
        assertThat(body.get("data").get("code").asText()).isEqualTo("7KQ2M9XA");
        assertThat(body.get("data").get("total").asText()).isEqualTo("2.90");
        assertThat(webhook.deliveries(WebhookAction.Outcome.DELIVERED)).isEqualTo(1);
    }

    @Test
    void everyDeliveryOfOneEventHasTheSameIdAndBodyAndANewSigningTime() throws Exception {
        webhookTo(receiver.url());
        webhook.sessionClosed(SESSION);
        clock.advance(Duration.ofSeconds(90));
        webhook.sessionClosed(SESSION);

        WebhookReceiver.Received first = receiver.received().get(0);
        WebhookReceiver.Received second = receiver.received().get(1);
        assertThat(second.header("SmsSafe-Event")).isEqualTo(first.header("SmsSafe-Event"));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("SmsSafe-Signature")).startsWith("t=" + (NOW.getEpochSecond() + 90) + ",v1=")
                .isNotEqualTo(first.header("SmsSafe-Signature"));
    }

    @Test
    void anAnswerThatIsNot2xxIsAFailureNamingTheStatus() {
        receiver.answer(500);

        assertThatThrownBy(() -> webhookTo(receiver.url()).sessionClosed(SESSION))
                .isInstanceOf(WebhookDeliveryException.class).hasMessage("HTTP 500")
                .satisfies(e -> assertThat(((WebhookDeliveryException) e).outcome())
                        .isEqualTo(WebhookAction.Outcome.HTTP_ERROR));
        receiver.answer(404);
        assertThatThrownBy(() -> webhook.sessionClosed(SESSION)).hasMessage("HTTP 404");
        assertThat(webhook.deliveries(WebhookAction.Outcome.HTTP_ERROR)).isEqualTo(2);
        assertThat(webhook.deliveries(WebhookAction.Outcome.DELIVERED)).isZero();
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (WebhookReceiver elsewhere = WebhookReceiver.start()) {
            receiver.answer(302).redirectingTo(elsewhere.url());

            assertThatThrownBy(() -> webhookTo(receiver.url()).sessionClosed(SESSION))
                    .isInstanceOf(WebhookDeliveryException.class).hasMessage("redirect (302) not followed");

            assertThat(receiver.received()).hasSize(1);
            assertThat(elsewhere.received()).as("the redirect's target").isEmpty();
            assertThat(webhook.deliveries(WebhookAction.Outcome.REDIRECT)).isEqualTo(1);
        }
    }

    @Test
    void noAnswerWithinTheLimitIsATimeoutAndTheRequestIsAbandonedThen() {
        receiver.waiting(Duration.ofSeconds(3));
        long start = System.nanoTime();

        assertThatThrownBy(() -> webhookTo(receiver.url()).sessionClosed(SESSION))
                .isInstanceOf(WebhookDeliveryException.class).hasMessage("no answer within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
        assertThat(webhook.deliveries(WebhookAction.Outcome.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> webhookTo(URI.create("http://127.0.0.1:" + port + "/hook")).sessionClosed(SESSION))
                .isInstanceOf(WebhookDeliveryException.class).hasMessage("connection refused");
        assertThat(webhook.deliveries(WebhookAction.Outcome.REFUSED)).isEqualTo(1);
    }

    @Test
    void anyOther2xxIsDelivered() throws Exception {
        receiver.answer(204);

        webhookTo(receiver.url()).sessionClosed(SESSION);

        assertThat(webhook.deliveries(WebhookAction.Outcome.DELIVERED)).isEqualTo(1);
    }

    @Test
    void theProductionLimitIsTenSeconds() {
        assertThat(WebhookAction.LIMIT).isEqualTo(Duration.ofSeconds(10));
    }
}
