package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.persistence.Columns;

/**
 * One paid SMS a gateway delivered, counted or rejected, with the reply it got. Kept so that the gateway's
 * retry of the same {@code message_id} gets the same answer and changes nothing.
 *
 * <p>A plain object with the message's rules ({@link #sameMessageAs}, {@link #counted}, {@link #reverse});
 * {@link MessageStore} is the one writer and reader of its rows, through {@link #COLUMNS}.
 */
public final class ReceivedMessage {
    /** Its row in {@code smssafe_message}: every column, as {@link MessageStore} inserts and reads it. */
    static final Columns<ReceivedMessage> COLUMNS = new Columns<>("smssafe_message", ReceivedMessage::new,
            Columns.number("id", m -> m.id, (m, v) -> m.id = v),
            Columns.number("safe_id", m -> m.safeId, (m, v) -> m.safeId = v),
            Columns.text("dialect", m -> m.dialect, (m, v) -> m.dialect = v),
            Columns.flag("test", m -> m.test, (m, v) -> m.test = v),
            Columns.text("message_id", m -> m.messageId, (m, v) -> m.messageId = v),
            Columns.number("session_id", m -> m.sessionId, (m, v) -> m.sessionId = v),
            Columns.text("msisdn", m -> m.msisdn, (m, v) -> m.msisdn = v),
            Columns.text("country", m -> m.country, (m, v) -> m.country = v),
            Columns.text("provider", m -> m.operator, (m, v) -> m.operator = v),
            Columns.text("shortcode", m -> m.shortcode, (m, v) -> m.shortcode = v),
            Columns.text("content", m -> m.content, (m, v) -> m.content = v),
            Columns.decimal("cost_local", m -> m.costLocal, (m, v) -> m.costLocal = v),
            Columns.text("currency", m -> m.currency, (m, v) -> m.currency = v),
            Columns.number("provider_time", m -> m.gatewayTime, (m, v) -> m.gatewayTime = v),
            Columns.instant("received_at", m -> m.receivedAt, (m, v) -> m.receivedAt = v),
            Columns.enumerated("outcome", ReplyKind.class, m -> m.outcome, (m, v) -> m.outcome = v),
            Columns.text("reply", m -> m.reply, (m, v) -> m.reply = v),
            Columns.instant("reversed_at", m -> m.reversedAt, (m, v) -> m.reversedAt = v));

    /** Given by the database; not read back when {@link MessageStore} inserts it (nothing uses it then). */
    private Long id;
    private long safeId;
    private String dialect;
    private boolean test;
    private String messageId;
    /** The session it was counted for or rejected by; none for an unattributed message. */
    private Long sessionId;
    private String msisdn;
    private String country;
    private String operator;
    private String shortcode;
    private String content;
    private BigDecimal costLocal;
    private String currency;
    private long gatewayTime;
    private Instant receivedAt;
    private ReplyKind outcome;
    private String reply;
    private Instant reversedAt;

    /** A blank message for a row to be read into. */
    private ReceivedMessage() {
    }

    /**
     * A message as it was processed: its values, the session it went to (null for an unattributed one), what
     * happened and what we replied.
     */
    ReceivedMessage(long safeId, PaidMessage values, Long sessionId, Instant receivedAt, ReplyKind outcome,
            String reply) {
        this.safeId = safeId;
        this.dialect = values.dialect();
        this.test = values.test();
        this.messageId = values.messageId();
        this.msisdn = values.msisdn();
        this.country = values.country();
        this.operator = values.operator();
        this.shortcode = values.shortcode();
        this.content = values.content();
        this.costLocal = values.cost();
        this.currency = values.currency();
        this.gatewayTime = values.gatewayTime();
        this.sessionId = sessionId;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.reply = reply;
    }

    /**
     * Whether a delivery carries the same message as this one. The gateway's time and signature may differ on
     * a retry; every other value must match, the price compared as a number. (The safe is the same: messages are
     * looked up by safe and message id.)
     */
    public boolean sameMessageAs(PaidMessage values) {
        return messageId.equals(values.messageId())
                && test == values.test()
                && msisdn.equals(values.msisdn())
                && country.equals(values.country())
                && operator.equals(values.operator())
                && shortcode.equals(values.shortcode())
                && content.equals(values.content())
                && costLocal.compareTo(values.cost()) == 0
                && currency.equals(values.currency());
    }

    /** The reply SMS this message got. */
    public String reply() {
        return reply;
    }

    /** What happened to it. */
    public ReplyKind outcome() {
        return outcome;
    }

    /** The session it was counted for (or rejected by); empty for an unattributed message. */
    public Optional<Long> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** The messages of this session, in the order they arrived: what its detail page lists. */
    public static List<ReceivedMessage> ofSession(EntityManager em, long safeId, long sessionId) {
        return MessageStore.on(em, safeId, store -> store.messagesOf(sessionId));
    }

    /** Whether it added to its session's count and total ({@link ReplyKind#counted}). */
    public boolean counted() {
        return outcome.counted();
    }

    /**
     * Marks it as reported not billed.
     *
     * @return false when it was marked before: a repeated report changes nothing
     */
    public boolean reverse(Instant now) {
        if (reversedAt != null) {
            return false;
        }
        reversedAt = now;
        return true;
    }

    /** The message as the payment action's {@code paymentReversed} receives it. */
    public ReversedMessage reversed() {
        return new ReversedMessage(dialect, messageId, costLocal, currency, receivedAt, reversedAt);
    }

    public long id() {
        return id;
    }

    public long safeId() {
        return safeId;
    }

    public String messageId() {
        return messageId;
    }

    public String msisdn() {
        return msisdn;
    }

    public String country() {
        return country;
    }

    public String operator() {
        return operator;
    }

    public String shortcode() {
        return shortcode;
    }

    public String content() {
        return content;
    }

    /** Its end-user price as the gateway reported it. */
    public BigDecimal cost() {
        return costLocal;
    }

    public String currency() {
        return currency;
    }

    public String dialect() {
        return dialect;
    }

    public boolean test() {
        return test;
    }

    public Optional<Instant> reversedAt() {
        return Optional.ofNullable(reversedAt);
    }

    /** When we processed it. */
    public Instant receivedAt() {
        return receivedAt;
    }
}
