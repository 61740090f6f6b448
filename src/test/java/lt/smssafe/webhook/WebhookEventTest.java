package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.ReversedMessage;
import org.junit.jupiter.api.Test;

/** The JSON body of each event type (docs/webhooks.md), its id and its {@code created}. */
class WebhookEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClosedSession SESSION = WebhookActionTest.SESSION;
    private static final ReversedMessage MESSAGE = new ReversedMessage("fortumo", "m-2", new BigDecimal("1.45"), "EUR",
            Instant.parse("2026-12-07T10:14:00Z"), Instant.parse("2026-12-08T09:00:00Z"));
    private static final CommittedTransaction TRANSACTION = new CommittedTransaction(1, 2456, "order-9", "acc-1",
            "37060000001", "bite_lt", 250, "EUR", Instant.parse("2026-12-07T11:00:00Z"));

    private static JsonNode body(WebhookEvent event) throws Exception {
        return JSON.readTree(event.json().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    @Test
    void sessionClosedCarriesTheClosedSessionWithTest() throws Exception {
        JsonNode body = body(WebhookEvent.closed(SESSION));

        assertThat(names(body)).containsExactly("id", "type", "created", "data");
        assertThat(body.get("type").asText()).isEqualTo("session.closed");
        assertThat(body.get("created").isIntegralNumber()).isTrue();
        assertThat(body.get("created").asLong()).as("the close, in Unix seconds").isEqualTo(1796638500L);
        JsonNode data = body.get("data");
        assertThat(names(data)).containsExactly("code", "safe", "msisdn", "country", "provider", "content",
                "messages", "total", "currency", "openedAt", "closedAt", "dialect", "test");
        assertThat(data.get("code").asText()).isEqualTo("7KQ2M9XA");
        assertThat(data.get("safe").asLong()).isEqualTo(1234);
        assertThat(data.get("msisdn").asText()).isEqualTo("37060000001");
        assertThat(data.get("provider").asText()).isEqualTo("bite_lt");
        assertThat(data.get("content").asText()).isEqualTo("order-42");
        assertThat(data.get("messages").asInt()).isEqualTo(2);
        assertThat(data.get("total").isTextual()).as("amounts are strings: exact in any language").isTrue();
        assertThat(data.get("total").asText()).isEqualTo("2.90");
        assertThat(data.get("openedAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(data.get("closedAt").asText()).isEqualTo("2026-12-07T10:15:00.250Z");
        assertThat(data.get("dialect").asText()).isEqualTo("smssafe");
        assertThat(data.get("test").isBoolean()).isTrue();
        assertThat(data.get("test").asBoolean()).isFalse();
    }

    @Test
    void sessionReversedCarriesTheSessionTheMessageAndTheAmount() throws Exception {
        JsonNode body = body(WebhookEvent.reversed(SESSION, MESSAGE, new BigDecimal("1.45")));

        assertThat(body.get("type").asText()).isEqualTo("session.reversed");
        assertThat(body.get("created").asLong()).as("the reversal").isEqualTo(MESSAGE.reversedAt().getEpochSecond());
        JsonNode data = body.get("data");
        assertThat(names(data)).containsExactly("session", "message", "amount");
        assertThat(data.get("session")).isEqualTo(body(WebhookEvent.closed(SESSION)).get("data"));
        assertThat(names(data.get("message"))).containsExactly("dialect", "messageId", "cost", "currency",
                "receivedAt", "reversedAt");
        assertThat(data.get("message").get("messageId").asText()).isEqualTo("m-2");
        assertThat(data.get("message").get("cost").asText()).isEqualTo("1.45");
        assertThat(data.get("message").get("reversedAt").asText()).isEqualTo("2026-12-08T09:00:00Z");
        assertThat(data.get("amount").asText()).isEqualTo("1.45");
    }

    @Test
    void mbsCommittedCarriesTheTransaction() throws Exception {
        JsonNode body = body(WebhookEvent.committed(1234, TRANSACTION));

        assertThat(body.get("type").asText()).isEqualTo("mbs.committed");
        assertThat(body.get("created").asLong()).isEqualTo(TRANSACTION.reportedAt().getEpochSecond());
        JsonNode data = body.get("data");
        assertThat(names(data)).containsExactly("reference", "serviceId", "transactionId", "ident", "operator",
                "accountId", "accountMsisdn", "priceCents", "currency", "reportedAt");
        assertThat(data.get("reference").asText()).isEqualTo("1:2456");
        assertThat(data.get("transactionId").asLong()).isEqualTo(2456);
        assertThat(data.get("priceCents").isIntegralNumber()).isTrue();
        assertThat(data.get("priceCents").asLong()).isEqualTo(250);
        assertThat(data.get("reportedAt").asText()).isEqualTo("2026-12-07T11:00:00Z");
    }

    @Test
    void aValueTheBuyerTypedIsEscapedAndAMissingOneIsNull() throws Exception {
        ClosedSession typed = new ClosedSession("7KQ2M9XA", 1234, "37060000001", "lt", "bite_lt",
                "\"},\"type\":\"x\nužsakymas", 1, new BigDecimal("1.00"), "EUR", SESSION.openedAt(),
                SESSION.closedAt(), "smssafe", true);
        CommittedTransaction noAccount = new CommittedTransaction(1, 2456, "order-9", null, "37060000001", "bite_lt",
                250, "EUR", TRANSACTION.reportedAt());

        assertThat(body(WebhookEvent.closed(typed)).get("data").get("content").asText())
                .isEqualTo("\"},\"type\":\"x\nužsakymas");
        assertThat(body(WebhookEvent.closed(typed)).get("type").asText()).isEqualTo("session.closed");
        assertThat(body(WebhookEvent.closed(typed)).get("data").get("test").asBoolean()).isTrue();
        assertThat(body(WebhookEvent.committed(1234, noAccount)).get("data").get("accountId").isNull()).isTrue();
    }

    @Test
    void theIdIsDerivedFromTheSafeTheTypeAndThePaymentsOwnKey() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("1234|session.closed|7KQ2M9XA".getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookEvent.closed(SESSION).id()).isEqualTo("evt_" + HexFormat.of().formatHex(digest, 0, 16));
        assertThat(WebhookEvent.reversed(SESSION, MESSAGE, BigDecimal.ONE).id())
                .isEqualTo(WebhookEvent.idOf(1234, "session.reversed", "7KQ2M9XA|fortumo:m-2"));
        assertThat(WebhookEvent.committed(1234, TRANSACTION).id())
                .isEqualTo(WebhookEvent.idOf(1234, "mbs.committed", "1:2456"));
        assertThat(List.of(WebhookEvent.closed(SESSION).id(), WebhookEvent.reversed(SESSION, MESSAGE,
                BigDecimal.ONE).id(), WebhookEvent.committed(1234, TRANSACTION).id(),
                WebhookEvent.committed(1235, TRANSACTION).id())).doesNotHaveDuplicates();
        assertThat(WebhookEvent.closed(SESSION).json()).as("the same body every time")
                .isEqualTo(WebhookEvent.closed(SESSION).json());
    }
}
