package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * One paid SMS the provider delivered, counted or rejected, with the reply it got. Kept so that the provider's
 * retry of the same {@code message_id} gets the same answer and changes nothing.
 */
@Entity
@Table(name = "smssafe_message")
@NamedQuery(name = "ReceivedMessage.findByMessageId", query = "select m from ReceivedMessage m"
        + " where m.safeId = :safeId and m.dialect = :dialect and m.messageId = :messageId")
public class ReceivedMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    /** The session it was counted for or rejected by; none for an unattributed message. */
    @Column(name = "session_id")
    private Long sessionId;

    @Column(nullable = false)
    private String msisdn;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String shortcode;

    @Column(nullable = false)
    private String content;

    @Column(name = "cost_local", nullable = false)
    private BigDecimal costLocal;

    @Column(nullable = false)
    private String currency;

    @Column(name = "provider_time", nullable = false)
    private long providerTime;

    @Column(name = "received_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant receivedAt;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private ReplyKind outcome;

    @Column(nullable = false)
    private String reply;

    @Column(nullable = false)
    private String dialect;

    @Column(nullable = false)
    private boolean test;

    @Column(name = "reversed_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant reversedAt;

    protected ReceivedMessage() {
    }

    /**
     * A message as it was processed: its values, the session it went to (null for an unattributed one), what
     * happened and what we replied.
     */
    public ReceivedMessage(long safeId, PaidMessage values, Long sessionId, Instant receivedAt, ReplyKind outcome,
            String reply) {
        this.safeId = safeId;
        this.dialect = values.dialect();
        this.test = values.test();
        this.messageId = values.messageId();
        this.msisdn = values.msisdn();
        this.country = values.country();
        this.provider = values.provider();
        this.shortcode = values.shortcode();
        this.content = values.content();
        this.costLocal = values.cost();
        this.currency = values.currency();
        this.providerTime = values.providerTime();
        this.sessionId = sessionId;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.reply = reply;
    }

    /**
     * A stored message as {@link MessageStore} read it to answer a copy: what {@link #sameMessageAs} compares, and
     * the reply. A plain object, not managed by a persistence context.
     */
    static ReceivedMessage stored(String messageId, boolean test, String msisdn, String country, String provider,
            String shortcode, String content, BigDecimal costLocal, String currency, String reply) {
        ReceivedMessage message = new ReceivedMessage();
        message.messageId = messageId;
        message.test = test;
        message.msisdn = msisdn;
        message.country = country;
        message.provider = provider;
        message.shortcode = shortcode;
        message.content = content;
        message.costLocal = costLocal;
        message.currency = currency;
        message.reply = reply;
        return message;
    }

    /**
     * Whether a delivery carries the same message as this one. The provider's time and signature may differ on
     * a retry; every other value must match, the price compared as a number. (The safe is the same: messages are
     * looked up by safe and message id.)
     */
    public boolean sameMessageAs(PaidMessage values) {
        return messageId.equals(values.messageId())
                && test == values.test()
                && msisdn.equals(values.msisdn())
                && country.equals(values.country())
                && provider.equals(values.provider())
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

    /** The stored message of this dialect with this id. */
    public static Optional<ReceivedMessage> find(EntityManager em, long safeId, String dialect, String messageId) {
        return em.createNamedQuery("ReceivedMessage.findByMessageId", ReceivedMessage.class)
                .setParameter("safeId", safeId).setParameter("dialect", dialect).setParameter("messageId", messageId)
                .getResultStream().findFirst();
    }

    /** Whether it added to its session's count and total (a rejected or unattributed message did not). */
    public boolean counted() {
        return sessionId != null && outcome != ReplyKind.WAIT && outcome != ReplyKind.UNIDENTIFIED;
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

    public String provider() {
        return provider;
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
