package lt.smssafe.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.ReversedMessage;

/**
 * One webhook event (docs/protocol.md §10, every field in docs/webhooks.md): the JSON body
 * {@code {"id":…,"type":…,"created":…,"data":{…}}}. Every delivery of one payment's event has the same body: the
 * id is derived from the payment's identity ({@link #idOf}) and {@code created} is the payment's own time, so only
 * the signature's {@code t} differs between deliveries. Field names are camelCase as in §6's status JSON; amounts
 * are JSON strings of decimals ({@code "2.90"}, exact in any language), times ISO-8601 in UTC, except
 * {@code created}, Unix seconds.
 *
 * @param id {@code evt_} and 32 hex digits, the same for every delivery: the receiver's idempotency key
 * @param type {@link #SESSION_CLOSED}, {@link #SESSION_REVERSED} or {@link #MBS_COMMITTED}
 * @param created Unix seconds of the payment's own time: when the session closed, the message was reversed, the
 *     MBS transaction was (last) reported committed
 * @param data the payment, in insertion order
 */
public record WebhookEvent(String id, String type, long created, Map<String, Object> data) {
    /** A premium-SMS session was closed (paid); data: the session. */
    public static final String SESSION_CLOSED = "session.closed";
    /** A counted message of a closed session was reported as not billed; data: session, message, amount. */
    public static final String SESSION_REVERSED = "session.reversed";
    /** An MBS direct-billing transaction was committed; data: the transaction. */
    public static final String MBS_COMMITTED = "mbs.committed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    public WebhookEvent {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** {@code session.closed}: the closed session as the payment action gets it, with {@code test}. */
    public static WebhookEvent closed(ClosedSession session) {
        return new WebhookEvent(idOf(session.safe(), SESSION_CLOSED, session.code()), SESSION_CLOSED,
                session.closedAt().getEpochSecond(), session(session));
    }

    /** {@code session.reversed}: the session as it was paid, the reversed message, and what the session lost. */
    public static WebhookEvent reversed(ClosedSession session, ReversedMessage message, BigDecimal amount) {
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("dialect", message.dialect());
        reversed.put("messageId", message.messageId());
        reversed.put("cost", decimal(message.cost()));
        reversed.put("currency", message.currency());
        reversed.put("receivedAt", time(message.receivedAt()));
        reversed.put("reversedAt", time(message.reversedAt()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", session(session));
        data.put("message", reversed);
        data.put("amount", decimal(amount));
        String key = session.code() + "|" + message.dialect() + ":" + message.messageId();
        return new WebhookEvent(idOf(session.safe(), SESSION_REVERSED, key), SESSION_REVERSED,
                message.reversedAt().getEpochSecond(), data);
    }

    /** {@code mbs.committed}: the transaction as the platform last described it (docs/protocol.md §7). */
    public static WebhookEvent committed(long safe, CommittedTransaction transaction) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", transaction.reference());
        data.put("serviceId", transaction.serviceId());
        data.put("transactionId", transaction.transactionId());
        data.put("ident", transaction.ident());
        data.put("operator", transaction.operator());
        data.put("accountId", transaction.accountId());
        data.put("accountMsisdn", transaction.accountMsisdn());
        data.put("priceCents", transaction.priceCents());
        data.put("currency", transaction.currency());
        data.put("reportedAt", time(transaction.reportedAt()));
        return new WebhookEvent(idOf(safe, MBS_COMMITTED, transaction.reference()), MBS_COMMITTED,
                transaction.reportedAt().getEpochSecond(), data);
    }

    /**
     * The event's id: {@code evt_} and the first 16 bytes of SHA-256 of {@code <safe>|<type>|<key>} in hex, the key
     * being the payment's own (the session code; the code, {@code |}, the reversed message's dialect, {@code :} and
     * its message id; the MBS reference {@code <service id>:<transaction id>}). Every node and every retry derives
     * the same; no two payments share one.
     */
    public static String idOf(long safe, String type, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((safe + "|" + type + "|" + key).getBytes(StandardCharsets.UTF_8));
            return "evt_" + HEX.formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256, which every Java runtime must provide, is unavailable", e);
        }
    }

    /** The body as sent: {@code {"id":…,"type":…,"created":…,"data":{…}}}, compact, UTF-8 when sent. */
    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("created", created);
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values cannot fail to serialise", e);
        }
    }

    private static Map<String, Object> session(ClosedSession session) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", session.code());
        fields.put("safe", session.safe());
        fields.put("msisdn", session.msisdn());
        fields.put("country", session.country());
        fields.put("provider", session.operator());
        fields.put("content", session.content());
        fields.put("messages", session.messages());
        fields.put("total", decimal(session.total()));
        fields.put("currency", session.currency());
        fields.put("openedAt", time(session.openedAt()));
        fields.put("closedAt", time(session.closedAt()));
        fields.put("dialect", session.dialect());
        fields.put("test", session.test());
        return fields;
    }

    private static String decimal(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
