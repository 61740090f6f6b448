package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.Receivers;
import lt.smssafe.testing.Receivers.Language;
import lt.smssafe.testing.Receivers.Receiver;
import lt.smssafe.testing.WebhookContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook receivers a shop copies (src/test/resources/webhooks/receiver.php, .js, .py; docs/protocol.md §10), each
 * run as a real process and sent deliveries signed here, independently of the production code, with the JDK's
 * {@link Mac}: a genuine one is acted on once and its repeats answered but not acted on again (also when they come at
 * once); a tampered body, a wrong secret, a {@code t} more than 5 minutes off either way, a missing or malformed
 * header or a body that is not an event are refused with a 400 that says which, and do not spend the event's id; a
 * header with several {@code v1} (a secret being changed) passes when any matches. The body is pretty-printed with
 * escapes, so a receiver that checked re-serialised JSON instead of the raw body would refuse it.
 */
class ReceiverExamplesTest {
    private static final String SECRET = "whsec-receiver-examples-test-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    private Path folder;

    /** A {@code session.closed} event as §10 shapes it, written the way no JSON library re-serialises it. */
    private static String event(String id) {
        return """
                {
                  "id" : "%s",
                  "type" : "session.closed",
                  "created" : %d,
                  "data" : { "code": "7KQ2M9XA", "safe": 5151, "msisdn": "37060012345", "country": "LT",
                             "provider": "tele2", "content": "order-17 \\u0161\\/\\"x\\" š", "messages": 2,
                             "total": "2.90", "rate": 1.45, "currency": "EUR", "opened": "2026-12-07T10:15:00Z",
                             "closed": "2026-12-07T10:15:30Z", "test": false, "extra": {}, "list": [], "none": null }
                }
                """.formatted(id, now());
    }

    private static String newId() {
        return "evt_" + UUID.randomUUID();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** hex(HMAC-SHA256(secret, t + "." + body)), computed with the JDK alone. */
    private static String v1(String secret, long t, byte[] body) {
        return WebhookContract.v1(secret, t, body);
    }

    private static String signature(String secret, long t, String body) {
        return WebhookContract.signature(secret, t, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the body with this {@code SmsSafe-Signature} ({@code null}: none); answers "status text". */
    private static String post(Receiver receiver, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.uri()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("SmsSafe-Signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body().strip();
        } catch (IOException e) {
            throw new IllegalStateException("the " + receiver.language() + " receiver did not answer: "
                    + receiver.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A genuine delivery: signed now with the right secret. */
    private static String deliver(Receiver receiver, String body) {
        return post(receiver, body, signature(SECRET, now(), body));
    }

    /** What the receiver should append for this event: its id, type and data. */
    private static JsonNode acted(String body) throws IOException {
        JsonNode event = JSON.readTree(body);
        return JSON.createObjectNode().put("id", event.get("id").asText()).put("type", event.get("type").asText())
                .set("data", event.get("data"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void aGenuineDeliveryIsActedOnOnceAndItsRepeatsAreAnsweredButNotActedOnAgain(Language language)
            throws IOException {
        String first = event(newId());
        String second = event(newId());
        try (Receiver receiver = Receivers.start(language, SECRET, folder)) {
            assertThat(deliver(receiver, first)).as(receiver.log()).isEqualTo("200 accepted");
            assertThat(deliver(receiver, first)).as("the retry, signed anew").isEqualTo("200 duplicate");
            assertThat(deliver(receiver, second)).isEqualTo("200 accepted");
            assertThat(post(receiver, first, signature(SECRET, now() - 200, first))).as("an old retry")
                    .isEqualTo("200 duplicate");

            assertThat(receiver.events()).containsExactly(acted(first), acted(second));
            assertThat(receiver.events().get(0).get("data").get("content").asText()).isEqualTo("order-17 š/\"x\" š");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void deliveriesOfOneEventAtOnceAreActedOnOnce(Language language) throws IOException {
        String body = event(newId());
        try (Receiver receiver = Receivers.start(language, SECRET, folder)) {
            List<String> answers = Concurrently.run(8, i -> () -> deliver(receiver, body));

            assertThat(answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting())))
                    .as(receiver.log()).containsExactlyInAnyOrderEntriesOf(Map.of("200 accepted", 1L,
                            "200 duplicate", 7L));
            assertThat(receiver.events()).containsExactly(acted(body));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void aForgedStaleOrMalformedDeliveryIsRefusedSayingWhyAndDoesNotSpendTheEventsId(Language language)
            throws IOException {
        String id = newId();
        String body = event(id);
        String tampered = body.replace("\"total\": \"2.90\"", "\"total\": \"0.01\"");
        assertThat(tampered).isNotEqualTo(body);
        long now = now();
        String v1 = v1(SECRET, now, body.getBytes(StandardCharsets.UTF_8));
        Map<String, String[]> refusals = new LinkedHashMap<>();   // what → {body, header, answer}
        refusals.put("a tampered body", new String[] {tampered, signature(SECRET, now, body), "400 bad signature"});
        refusals.put("a wrong secret", new String[] {body, signature(SECRET + "x", now, body), "400 bad signature"});
        refusals.put("the right HMAC of another t", new String[] {body, "t=" + (now - 1) + ",v1=" + v1,
            "400 bad signature"});
        refusals.put("an HMAC of the body alone", new String[] {body, "t=" + now + ",v1=" + hmacOfBodyAlone(body),
            "400 bad signature"});
        refusals.put("v1 cut short", new String[] {body, "t=" + now + ",v1=" + v1.substring(0, 63),
            "400 bad signature"});
        refusals.put("v1 not hex", new String[] {body, "t=" + now + ",v1=" + "z".repeat(64), "400 bad signature"});
        refusals.put("t 6 minutes old", new String[] {body, signature(SECRET, now - 360, body),
            "400 stale timestamp"});
        refusals.put("t 6 minutes ahead", new String[] {body, signature(SECRET, now + 360, body),
            "400 stale timestamp"});
        refusals.put("no header", new String[] {body, null, "400 malformed signature header"});
        refusals.put("an empty header", new String[] {body, "", "400 malformed signature header"});
        refusals.put("no t", new String[] {body, "v1=" + v1, "400 malformed signature header"});
        refusals.put("no v1", new String[] {body, "t=" + now, "400 malformed signature header"});
        refusals.put("a t that is not a number", new String[] {body, "t=now,v1=" + v1,
            "400 malformed signature header"});
        refusals.put("a t of 5000 digits", new String[] {body, "t=" + "9".repeat(5000) + ",v1=" + v1,
            "400 malformed signature header"});
        refusals.put("not a header of §10", new String[] {body, "sha256=" + v1, "400 malformed signature header"});
        for (String notAnEvent : List.of("not json", "[]", "{\"type\":\"session.closed\"}",
                "{\"id\":17,\"type\":\"session.closed\"}", "{\"id\":\"two words\",\"type\":\"session.closed\"}",
                "{\"id\":\"" + id + "\"}")) {
            refusals.put("a signed body " + notAnEvent, new String[] {notAnEvent, signature(SECRET, now, notAnEvent),
                "400 malformed body"});
        }

        try (Receiver receiver = Receivers.start(language, SECRET, folder)) {
            Map<String, String> answers = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            refusals.forEach((what, request) -> {
                answers.put(what, post(receiver, request[0], request[1]));
                expected.put(what, request[2]);
            });

            answers.put("v1 not ASCII", postRaw(receiver, body, "t=" + now + ",v1=š" + v1.substring(2)));
            expected.put("v1 not ASCII", "400 bad signature");

            assertThat(answers).as(receiver.log()).containsExactlyEntriesOf(expected);
            assertThat(receiver.eventLines()).isEmpty();
            assertThat(deliver(receiver, body)).as("the genuine delivery of the forged event's id")
                    .isEqualTo("200 accepted");
            assertThat(receiver.events()).containsExactly(acted(body));
        }
    }

    /** A POST written byte by byte, for a header in UTF-8 that Java's HTTP client refuses to send. */
    private static String postRaw(Receiver receiver, String body, String signature) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(receiver.uri().getHost(), receiver.uri().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST / HTTP/1.0\r\nHost: " + receiver.uri().getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                    + "\r\nSmsSafe-Signature: " + signature + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4) + " "
                    + answer.substring(answer.indexOf("\r\n\r\n") + 4).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the " + receiver.language() + " receiver did not answer: "
                    + receiver.log(), e);
        }
    }

    private static String hmacOfBodyAlone(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A machine without one of the binaries fails these tests, saying which and how to get it, not skips them. */
    @Test
    void aMissingBinaryIsNamedWithTheDebianPackageAndCiRun() {
        for (Language language : Language.values()) {
            assertThatThrownBy(() -> language.binaryOn(folder.toString())).as(language.name())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(List.of("php", "node", "python3").get(language.ordinal()) + " is missing")
                    .hasMessageContaining("apt-get install " + List.of("php-cli", "nodejs", "python3")
                            .get(language.ordinal())).hasMessageContaining(".ci/run does this");
        }
    }

    /** While webhook.secret changes, a delivery may carry a v1 per secret; a clock 4 minutes off is within 5. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Language.class)
    void anyMatchingV1OfSeveralPassesAndATimestampWithinFiveMinutesEitherWayToo(Language language)
            throws IOException {
        String newFirst = event(newId());
        String oldFirst = event(newId());
        String behind = event(newId());
        String ahead = event(newId());
        long now = now();
        try (Receiver receiver = Receivers.start(language, SECRET, folder)) {
            assertThat(post(receiver, newFirst, signature(SECRET, now, newFirst) + ",v1="
                    + v1("the-old-secret", now, newFirst.getBytes(StandardCharsets.UTF_8))))
                    .as(receiver.log()).isEqualTo("200 accepted");
            assertThat(post(receiver, oldFirst, signature("the-old-secret", now, oldFirst) + ", v1="
                    + v1(SECRET, now, oldFirst.getBytes(StandardCharsets.UTF_8)))).isEqualTo("200 accepted");
            assertThat(post(receiver, behind, signature(SECRET, now - 240, behind))).isEqualTo("200 accepted");
            assertThat(post(receiver, ahead, signature(SECRET, now + 240, ahead))).isEqualTo("200 accepted");

            assertThat(receiver.events()).containsExactly(acted(newFirst), acted(oldFirst), acted(behind),
                    acted(ahead));
        }
    }
}
