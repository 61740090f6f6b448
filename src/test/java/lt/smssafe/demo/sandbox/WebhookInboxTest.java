package lt.smssafe.demo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.testing.RsaKeys;
import lt.smssafe.webhook.WebhookAction;
import lt.smssafe.webhook.WebhookConfig;
import lt.smssafe.webhook.WebhookDeliveryException;
import lt.smssafe.webhook.WebhookEvent;
import lt.smssafe.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's webhook receiver ({@code /webhook}) and its page ({@code /webhooks}), in a sandbox of their own:
 * deliveries signed by production's {@link WebhookSigner} and sent by production's {@link WebhookAction} verify under
 * the sandbox's own check (the JDK's {@code Mac}, nothing of sms:safe's), anything tampered, stale or signed with
 * another secret is refused with the reason, the page shows each, escaped, and the switch makes the receiver fail
 * until it is switched back.
 */
class WebhookInboxTest {
    private static final String SECRET = "sandbox-test-webhook-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static SandboxSite sandbox;
    private static int sessions;

    @BeforeAll
    static void start() {
        sandbox = SandboxSite.start(new SandboxSite.Settings(0, URI.create("http://127.0.0.1:9/smssafe/"), 1234,
                "sandbox-passkey", Duration.ofSeconds(30), 1, "mbs-secret", "fortumo-secret",
                "5a1e0d3e2f9c4b7a8e6d1c0b9a8f7e6d", 1234,
                "paysera-password", RsaKeys.generate().getPrivate(), SECRET));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void answering() throws Exception {
        switchTo("answer");
    }

    /** A new paid session's event each time: its own code, so its own id. */
    private static WebhookEvent newEvent(String content) {
        String code = "SANDBX" + (char) ('A' + sessions / 26) + (char) ('A' + sessions % 26);
        sessions++;
        Instant closed = Instant.now().minusSeconds(5);
        return WebhookEvent.closed(new ClosedSession(code, 1234, "37060000001", "lt", "bite_lt", content, 2,
                new BigDecimal("2.90"), "EUR", closed.minusSeconds(60), closed, "smssafe", false));
    }

    private static HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.webhookUrl())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("SmsSafe-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signed(String secret, long t, String body) {
        return new WebhookSigner(secret).header(t, body);
    }

    private static String page() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sandbox.url().resolve("webhooks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void switchTo(String answer) throws Exception {
        HttpResponse<String> switched = HTTP.send(HttpRequest.newBuilder(sandbox.url().resolve("webhooks"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("answer=" + answer)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(switched.statusCode()).as("post/redirect/get").isEqualTo(303);
    }

    /** The page's entry of the newest delivery of this event. */
    private static String newestEntry(String page, String eventId) {
        int attribute = page.indexOf(" data-event=\"" + eventId + "\"");
        assertThat(attribute).as("an entry for %s on the page", eventId).isNotNegative();
        int start = page.lastIndexOf("<li class=\"delivery\"", attribute);
        return page.substring(start, page.indexOf("</li>", start));
    }

    private static WebhookInbox.Delivery last() {
        List<WebhookInbox.Delivery> all = inbox().deliveries();
        return all.get(all.size() - 1);
    }

    private static WebhookInbox inbox() {
        return sandbox.webhookInbox();
    }

    @Test
    void aGenuineDeliveryIsAcceptedOnceAndItsRetryIsADuplicate() throws Exception {
        WebhookEvent event = newEvent("order-1");
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> first = post(event.json(), signed(SECRET, now, event.json()));
        HttpResponse<String> again = post(event.json(), signed(SECRET, now + 1, event.json()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("accepted\n");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate\n");
        String entry = newestEntry(page(), event.id());
        assertThat(entry).contains("data-status=\"200\" data-verified=\"true\"", "session.closed",
                "signature verified", "200 duplicate", "delivery 2 of this event",
                "SmsSafe-Signature</th><td><code>t=" + (now + 1) + ",v1=",
                // pretty-printed: one field a line
                "\n  &quot;type&quot; : &quot;session.closed&quot;,\n");
    }

    @Test
    void productionsSenderIsVerifiedAndAFailingReceiverIsAFailedDeliveryUntilSwitchedBack() throws Exception {
        WebhookEvent event = newEvent("order-2");
        try (WebhookAction webhook = new WebhookAction(new WebhookConfig(sandbox.webhookUrl(), SECRET), 1234,
                Clock.systemUTC())) {
            switchTo("fail");
            assertThatThrownBy(() -> webhook.deliver(event)).isInstanceOf(WebhookDeliveryException.class)
                    .hasMessage("HTTP 500");
            assertThat(last().answer()).isEqualTo("failing on purpose (the switch on /webhooks)");
            assertThat(last().verified()).as("it failed on purpose, not for the signature").isTrue();
            assertThat(page()).contains("data-mode=\"fail\"", "answers 500 to every delivery",
                    "<button id=\"fail\" name=\"answer\" value=\"fail\" disabled>");

            switchTo("answer");
            webhook.deliver(event);
        }

        WebhookInbox.Delivery accepted = last();
        assertThat(accepted.eventId()).isEqualTo(event.id());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.answer()).isEqualTo("accepted");
        assertThat(accepted.headers()).extracting(h -> h.getKey()).startsWith("Content-Type", "SmsSafe-Event",
                "SmsSafe-Signature", "User-Agent");
        assertThat(newestEntry(page(), event.id())).contains("delivery 2 of this event", "200 accepted");
    }

    @Test
    void aReceiverTimingOutIsNoAnswerInTimeForTheSender() throws Exception {
        WebhookEvent event = newEvent("order-3");
        switchTo("time-out");
        try (WebhookAction webhook = new WebhookAction(new WebhookConfig(sandbox.webhookUrl(), SECRET), 1234,
                Clock.systemUTC(), Duration.ofMillis(500))) {
            assertThatThrownBy(() -> webhook.deliver(event)).isInstanceOf(WebhookDeliveryException.class)
                    .hasMessage("no answer within 500 ms");
        }
        assertThat(last().eventId()).isEqualTo(event.id());
        assertThat(newestEntry(page(), event.id())).contains("data-status=\"0\"", "no answer within 10 s: held 11 s");
    }

    @Test
    void aChangedBodyAnotherSecretAStaleOrFutureTimeAndAMissingSignatureAreRefused() throws Exception {
        WebhookEvent event = newEvent("order-4");
        String body = event.json();
        long now = Instant.now().getEpochSecond();
        String genuine = signed(SECRET, now, body);

        HttpResponse<String> tampered = post(body.replace("order-4", "order-5"), genuine);
        String tamperedId = last().eventId();
        HttpResponse<String> otherSecret = post(body, signed("another-secret-of-at-least-32-characters", now, body));
        HttpResponse<String> stale = post(body, signed(SECRET, now - 302, body));
        HttpResponse<String> future = post(body, signed(SECRET, now + 302, body));
        HttpResponse<String> unsigned = post(body, null);
        HttpResponse<String> noV1 = post(body, "t=" + now);

        assertThat(List.of(tampered, otherSecret, stale, future, unsigned, noV1))
                .extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(tampered.body()).startsWith("bad signature");
        assertThat(otherSecret.body()).startsWith("bad signature");
        assertThat(stale.body())
                .matches("stale timestamp: t is 30[23] s from the sandbox's clock \\(at most 300 s\\)\n");
        assertThat(future.body()).startsWith("stale timestamp");
        assertThat(unsigned.body()).isEqualTo("no SmsSafe-Signature header\n");
        assertThat(noV1.body()).startsWith("malformed SmsSafe-Signature header");
        assertThat(tamperedId).isEqualTo(event.id());
        assertThat(newestEntry(page(), event.id())).contains("data-verified=\"false\"",
                "signature refused: malformed SmsSafe-Signature header");
        assertThat(page()).contains("signature refused: bad signature", "signature refused: stale timestamp");
        // none was handled: the genuine one still is the first accepted
        HttpResponse<String> accepted = post(body, genuine);
        assertThat(accepted.body()).isEqualTo("accepted\n");
    }

    @Test
    void anyOfSeveralV1VerifiesAndAFewSecondsOfClockSkewAreTolerated() throws Exception {
        WebhookEvent event = newEvent("order-6");
        long skewed = Instant.now().getEpochSecond() + 290;
        String right = new WebhookSigner(SECRET).signature(skewed, event.json());

        HttpResponse<String> answer = post(event.json(), "t=" + skewed + ",v1=" + "0".repeat(64) + ",v1=" + right);

        assertThat(answer.body()).isEqualTo("accepted\n");
    }

    @Test
    void whatADeliveryCarriesIsEscapedOnThePage() throws Exception {
        String body = "{\"id\":\"evt_<b>bold</b>\",\"type\":\"<script>alert(1)</script>\",\"created\":1,"
                + "\"data\":{}}";

        post(body, signed(SECRET, Instant.now().getEpochSecond(), body));

        String page = page();
        assertThat(page).doesNotContain("<b>bold</b>", "<script>alert(1)");
        assertThat(page).contains("evt_&lt;b&gt;bold&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void thePageSaysWhereTheDemoPostsAndWithWhichSecret() throws Exception {
        String page = page();

        assertThat(page).contains("<code id=\"webhook-url\">http://127.0.0.1:" + sandbox.webhookUrl().getPort()
                + "/webhook</code>", "<code id=\"webhook-secret\">" + SECRET + "</code>",
                "<a href=\"/webhooks\">Webhooks</a>", "--webhook");
        assertThat(HTTP.send(HttpRequest.newBuilder(sandbox.webhookUrl()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("GET /webhook").isEqualTo(405);
    }
}
