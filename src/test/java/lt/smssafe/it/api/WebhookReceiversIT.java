package lt.smssafe.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import lt.smssafe.it.DatabaseRows;
import lt.smssafe.it.TestWar;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.testing.FakeSmsSafeGateway;
import lt.smssafe.testing.Folders;
import lt.smssafe.testing.Receivers;
import lt.smssafe.testing.Receivers.Language;
import lt.smssafe.testing.Receivers.Receiver;
import lt.smssafe.testing.TestData;
import lt.smssafe.testing.WebhookContract;
import lt.smssafe.testing.WebhookReceiver;
import lt.smssafe.testing.WebhookReceiver.Received;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook receivers a shop copies (src/test/resources/webhooks/receiver.php, .js, .py; docs/webhooks-receivers.md),
 * each a real process, fed by the real WAR in a real Tomcat on MariaDB: {@code webhook.url} is a relay in this test
 * that forwards each delivery as it came (the raw body, the headers) to the three receivers and answers 2xx only when
 * all three did. A session closed through {@code /result} (the sms:safe gateway's signed notifications) is delivered
 * once, and each receiver keeps the event: the id of the {@code SmsSafe-Event} header (also derived here from the
 * session's code as docs/webhooks.md defines it), {@code session.closed}, the session's code and total. Then the
 * recorded delivery is replayed to each receiver: with one byte of its body changed (same header), re-signed with a
 * wrong secret, re-signed with a {@code t} 6 minutes old, each refused with a 400 and not kept; as it was, and signed
 * anew with the right secret (with the JDK's own {@code Mac}), answered {@code 200 duplicate} and not kept again.
 * Without {@code php}, {@code node} or {@code python3} this test fails, naming the one missing ({@link Receivers}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookReceiversIT {
    private static final TestData DATA = TestData.seededFor(WebhookReceiversIT.class);
    private static final long SAFE = 5353;
    private static final String PASSKEY = "webhook-receivers-it-passkey-5353";
    private static final String SECRET = "whsec-webhook-receivers-it-0123456789abcdef";
    private static final String DATABASE = "webhook_receivers_it";
    private static final int MESSAGES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Started before the deployment, which needs its URL; given the receivers once they run. */
    private static final Relay RELAY = new Relay();
    private static final List<Receiver> RECEIVERS = new ArrayList<>();

    /** The session paid in the first test and its delivery as the relay recorded it, for the second. */
    private static String code;
    private static Relay.Forwarded genuine;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWar.named("webhook-receivers-it")
                .with("safe", String.valueOf(SAFE))
                .with("passkey", PASSKEY)
                .with("messages", String.valueOf(MESSAGES))
                .with("delay", "0")
                .with("webhook.url", RELAY.url().toString())
                .with("webhook.secret", SECRET)
                .withMariaDb(DATABASE)
                .build();
    }

    @BeforeAll
    static void startReceivers() {
        Path folder = Path.of("target", "webhook-receivers-it").toAbsolutePath();
        Folders.deleteTree(folder);   // the events and ids an earlier run kept
        for (Language language : Language.values()) {
            RECEIVERS.add(Receivers.start(language, SECRET, folder.resolve(language.name().toLowerCase(Locale.ROOT))));
        }
        RELAY.forwardTo(RECEIVERS);
    }

    @AfterAll
    static void stop() {
        RECEIVERS.forEach(Receiver::close);
        RELAY.close();
    }

    @Test
    @Order(1)
    void eachReceiverAcceptsTheGenuineDeliveryOfAClosedSession() throws Exception {
        FakeSmsSafeGateway gateway = new FakeSmsSafeGateway(URI.create(base + "result"), SignatureScheme.HMAC_SHA256,
                PASSKEY);
        String phone = DATA.phone();
        HttpResponse<String> last = null;
        for (int i = 0; i < MESSAGES; i++) {
            last = gateway.deliver(FakeSmsSafeGateway.sms(SAFE, DATA.id(), phone, "order-17"));
            assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        }
        assertThat(last.body()).endsWith(" closed");
        code = TestData.code(last);
        String id = WebhookContract.eventId(SAFE, "session.closed", code);

        genuine = RELAY.await(id, Duration.ofSeconds(20));
        assertThat(genuine).as("delivered to the relay: %s", RELAY.forwarded()).isNotNull();
        Received request = genuine.request();
        assertThat(request.header("SmsSafe-Event")).isEqualTo(id);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        String signature = request.header("SmsSafe-Signature");
        assertThat(WebhookContract.signs(signature, SECRET, request.body())).as(signature).isTrue();
        assertThat(WebhookContract.t(signature)).isCloseTo(System.currentTimeMillis() / 1000,
                org.assertj.core.data.Offset.offset(60L));
        for (Receiver receiver : RECEIVERS) {
            assertThat(genuine.answers()).as(receiver.log()).containsEntry(receiver.language(), "200 accepted");
        }
        assertThat(genuine.status()).isEqualTo(200);

        JsonNode data = JSON.readTree(request.body()).get("data");
        assertThat(data.get("code").asText()).isEqualTo(code);
        assertThat(data.get("total").isTextual()).as("an amount is a JSON string").isTrue();
        assertThat(data.get("total").asText()).isEqualTo("4.35");   // 3 × 1.45, the fake gateway's price
        assertThat(data.get("messages").asInt()).isEqualTo(MESSAGES);
        assertThat(data.get("msisdn").asText()).isEqualTo(phone);
        assertThat(data.get("content").asText()).isEqualTo("order-17");
        assertThat(data.get("currency").asText()).isEqualTo("EUR");
        assertThat(DatabaseRows.query(DATABASE, "select total, currency, received_messages from smssafe_session"
                + " where safe_id = ? and code = ?", SAFE, code)).containsExactly(List.of("4.35", "EUR", "3"));
        JsonNode kept = JSON.createObjectNode().put("id", id).put("type", "session.closed").set("data", data);
        for (Receiver receiver : RECEIVERS) {
            assertThat(receiver.events()).as(receiver.language().name()).containsExactly(kept);
        }
        assertThat(DatabaseRows.await(List.of(List.of("WEBHOOK", "1", "1")), DATABASE, "select target, attempts,"
                + " succeeded_at is not null from smssafe_action_run where safe_id = ? and reference = ?", SAFE, code))
                .as("one delivery, succeeded").containsExactly(List.of("WEBHOOK", "1", "1"));
        assertThat(RELAY.forwarded()).as("delivered once").hasSize(1);
    }

    @Test
    @Order(2)
    void eachReceiverRefusesATamperedBodyAWrongSecretAndAnOldTimestampAndTakesTheSameDeliveryAsADuplicate() {
        assertThat(genuine).as("the first test's delivery").isNotNull();
        byte[] body = genuine.request().body();
        String signature = genuine.request().header("SmsSafe-Signature");
        byte[] tampered = body.clone();
        int total = new String(body, StandardCharsets.UTF_8).indexOf("\"total\":\"4.35\"") + "\"total\":\"".length();
        assertThat(total).as("the total in %s", new String(body, StandardCharsets.UTF_8)).isGreaterThan(10);
        tampered[total] = '9';   // "9.35": one byte
        long now = System.currentTimeMillis() / 1000;

        List<Replay> replays = List.of(
                new Replay("one byte of the body changed, same header", tampered, signature, "400 bad signature"),
                new Replay("re-signed with a wrong secret", body,
                        WebhookContract.signature(SECRET.replace('w', 'x'), now, body), "400 bad signature"),
                new Replay("re-signed with t 6 minutes old", body, WebhookContract.signature(SECRET, now - 360, body),
                        "400 stale timestamp"),
                new Replay("the same delivery again", body, signature, "200 duplicate"),
                new Replay("re-signed now with the right secret (JDK Mac)", body,
                        WebhookContract.signature(SECRET, now, body), "200 duplicate"));

        for (Receiver receiver : RECEIVERS) {
            Map<String, String> answers = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            for (Replay replay : replays) {
                answers.put(replay.what(), replay(receiver, replay.body(), replay.signature()));
                expected.put(replay.what(), replay.answer());
            }
            assertThat(answers).as("%s: %s", receiver.language(), receiver.log()).containsExactlyEntriesOf(expected);
            assertThat(receiver.eventLines()).as("%s keeps the event once", receiver.language()).hasSize(1);
            assertThat(receiver.events().get(0).get("data").get("total").asText()).isEqualTo("4.35");
        }
    }

    /** The recorded delivery sent again straight to a receiver, changed or not, and the answer it should get. */
    private record Replay(String what, byte[] body, String signature, String answer) {
    }

    /** Posts the body with the genuine delivery's headers but this signature straight to the receiver. */
    private static String replay(Receiver receiver, byte[] body, String signature) {
        Map<String, String> headers = new TreeMap<>(genuine.request().headers());
        headers.put("smssafe-signature", signature);
        return post(receiver, body, headers);
    }

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    /** POSTs the raw body with these headers; answers "status text". */
    private static String post(Receiver receiver, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.uri()).timeout(Duration.ofSeconds(8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!OWN_HEADERS.contains(name)) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body().strip();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The shop's {@code webhook.url}: forwards each delivery as it came, its raw body and headers, to every
     * receiver; answers 200 when each answered 2xx, else 502 (and sms:safe retries).
     */
    private static final class Relay implements AutoCloseable {
        /** A delivery as it came, what each receiver answered ("status text"), and the relay's own answer. */
        record Forwarded(Received request, Map<Language, String> answers, int status) {
        }

        private final WebhookReceiver server = WebhookReceiver.answering(this::forward);
        private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
        private volatile List<Receiver> receivers = List.of();

        URI url() {
            return server.url();
        }

        void forwardTo(List<Receiver> targets) {
            receivers = List.copyOf(targets);
        }

        List<Forwarded> forwarded() {
            return List.copyOf(forwarded);
        }

        /** The first delivery of this event, waiting up to {@code timeout}; null if none came. */
        Forwarded await(String id, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (Forwarded delivery : forwarded) {
                    if (id.equals(delivery.request().header("SmsSafe-Event"))) {
                        return delivery;
                    }
                }
                Thread.sleep(50);
            }
            return null;
        }

        private int forward(Received request) {
            Map<Language, String> answers = new LinkedHashMap<>();
            for (Receiver receiver : receivers) {
                answers.put(receiver.language(), post(receiver, request.body(), request.headers()));
            }
            boolean all = !answers.isEmpty() && answers.values().stream().allMatch(a -> a.startsWith("2"));
            forwarded.add(new Forwarded(request, answers, all ? 200 : 502));
            return all ? 200 : 502;
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
