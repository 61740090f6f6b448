package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.testing.Receivers;
import lt.smssafe.testing.Receivers.Language;
import lt.smssafe.testing.Receivers.Receiver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The production webhook against the receivers a shop copies (docs/webhooks-receivers.md), each a real PHP, Node.js
 * or Python process: every event type it sends is accepted as genuine and acted on once, and a repeated delivery of
 * one event (a retry) is answered 2xx and not acted on again.
 */
class WebhookToReceiversTest {
    private static final String SECRET = WebhookActionTest.SECRET;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    private Path folder;

    @ParameterizedTest
    @EnumSource(Language.class)
    void theShopsReceiverAcceptsEveryEventOnceAsGenuine(Language language) throws Exception {
        ReversedMessage message = new ReversedMessage("fortumo", "m-2", new BigDecimal("1.45"), "EUR",
                Instant.parse("2026-12-07T10:14:00Z"), Instant.parse("2026-12-08T09:00:00Z"));
        CommittedTransaction transaction = new CommittedTransaction(1, 2456, "order-9", null, "37060000001",
                "bite_lt", 250, "EUR", Instant.parse("2026-12-07T11:00:00Z"));
        List<WebhookEvent> events = List.of(WebhookEvent.closed(WebhookActionTest.SESSION),
                WebhookEvent.reversed(WebhookActionTest.SESSION, message, new BigDecimal("1.45")),
                WebhookEvent.committed(1234, transaction));

        // the receivers check t against their own clock: the webhook signs with the real one
        try (Receiver receiver = Receivers.start(language, SECRET, folder);
                WebhookAction webhook = new WebhookAction(new WebhookConfig(receiver.uri(), SECRET), 1234,
                        Clock.systemUTC())) {
            for (WebhookEvent event : events) {
                webhook.deliver(event);
            }
            webhook.deliver(events.get(0));

            assertThat(webhook.deliveries(WebhookAction.Outcome.DELIVERED)).as(receiver.log()).isEqualTo(4);
            List<JsonNode> acted = receiver.events();
            assertThat(acted).as("acted on once each").hasSize(3);
            for (int i = 0; i < events.size(); i++) {
                JsonNode sent = JSON.readTree(events.get(i).json());
                assertThat(acted.get(i).get("id")).isEqualTo(sent.get("id"));
                assertThat(acted.get(i).get("type")).isEqualTo(sent.get("type"));
                assertThat(acted.get(i).get("data")).isEqualTo(sent.get("data"));
            }
        }
    }
}
