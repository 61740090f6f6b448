package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.action.OwedPayment;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.SessionState;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * One payment: N paid messages from one phone to one safe (docs/protocol.md §3). N is fixed when the session opens; the
 * session remembers what is paid for (the first message's content), the sum paid, and when it opened, waits until
 * and closed. A phone has at most one unclosed session per safe.
 */
@Entity
@Table(name = "smssafe_session")
@NamedQuery(name = "PaymentSession.findByCode", query = "select s from PaymentSession s"
        + " where s.safeId = :safeId and s.code = :code")
public class PaymentSession implements OwedPayment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(nullable = false, length = 8)
    private String code;

    @Column(nullable = false)
    private String msisdn;

    @Column(nullable = false)
    private String country;

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String content;

    @Column(name = "required_messages", nullable = false)
    private int requiredMessages;

    @Column(name = "received_messages", nullable = false)
    private int receivedMessages;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false)
    private String currency;

    @Column(name = "opened_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant openedAt;

    @Column(name = "last_message_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant lastMessageAt;

    @Column(name = "wait_until")
    @Convert(converter = EpochMillisConverter.class)
    private Instant waitUntil;

    @Column(name = "closed_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant closedAt;

    @Column(nullable = false)
    private String dialect;

    @Column(nullable = false)
    private boolean test;

    @Column(name = "reversed_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant reversedAt;

    @Column(name = "reversed_total", nullable = false, precision = 12, scale = 2)
    private BigDecimal reversedTotal;

    @Version
    private int version;

    protected PaymentSession() {
    }

    /**
     * A session opened by a phone's first message, with nothing counted yet; {@link #accept} counts that message.
     *
     * @param requiredMessages N, fixed for the life of the session
     * @param content what the first message says is paid for
     * @param dialect the gateway of its messages; {@code test} whether they are the gateway's test messages
     */
    public PaymentSession(long safeId, String dialect, boolean test, String msisdn, String country, String provider,
            SessionCode code, int requiredMessages, String content, String currency, Instant now) {
        if (requiredMessages < 1) {
            throw new IllegalArgumentException("a session needs at least one message, not " + requiredMessages);
        }
        this.safeId = safeId;
        this.dialect = dialect;
        this.test = test;
        this.msisdn = msisdn;
        this.country = country;
        this.provider = provider;
        this.code = code.value();
        this.requiredMessages = requiredMessages;
        this.content = content;
        this.currency = currency;
        this.total = BigDecimal.ZERO.setScale(2);
        this.reversedTotal = BigDecimal.ZERO.setScale(2);
        this.openedAt = now;
        this.lastMessageAt = now;
    }

    /**
     * An unclosed session as {@link MessageStore} read it for its phone's next message: a plain object, not managed
     * by a persistence context; what {@link #accept} changes is written back by {@link MessageStore#update}.
     */
    static PaymentSession stored(long id, long safeId, String dialect, boolean test, String msisdn, String country,
            String provider, String code, String content, int requiredMessages, int receivedMessages,
            BigDecimal total, String currency, Instant openedAt, Instant lastMessageAt, Instant waitUntil,
            int version) {
        PaymentSession session = new PaymentSession(safeId, dialect, test, msisdn, country, provider,
                new SessionCode(code), requiredMessages, content, currency, openedAt);
        session.id = id;
        session.receivedMessages = receivedMessages;
        session.total = total;
        session.lastMessageAt = lastMessageAt;
        session.waitUntil = waitUntil;
        session.version = version;
        return session;
    }

    /** The id the database gave it when {@link MessageStore} inserted it. */
    void storedAs(long generatedId) {
        this.id = generatedId;
    }

    /** The version it was read with, which its update expects to find. */
    int version() {
        return version;
    }

    /**
     * Applies a message that arrived at {@code now} (docs/protocol.md §3): while the session waits it is rejected and
     * nothing is counted; otherwise it is counted and its cost added, and the session closes on the N-th message
     * or, with a delay, starts waiting after the (N−1)-th.
     *
     * @throws IllegalStateException when the session is already closed (a phone's next message opens a new one)
     */
    public Outcome accept(BigDecimal cost, Instant now, Duration delay) {
        if (closedAt != null) {
            throw new IllegalStateException("session " + code + " is closed");
        }
        lastMessageAt = now;
        if (isWaitingAt(now)) {
            return new Outcome(ReplyKind.WAIT, Duration.between(now, waitUntil));
        }
        receivedMessages++;
        total = total.add(cost);
        if (receivedMessages == requiredMessages) {
            closedAt = now;
            return Outcome.of(ReplyKind.CLOSED);
        }
        if (receivedMessages == requiredMessages - 1 && delay.compareTo(Duration.ZERO) > 0) {
            waitUntil = now.plus(delay);
            return new Outcome(ReplyKind.LAST, delay);
        }
        return Outcome.of(receivedMessages == 1 ? ReplyKind.STARTED : ReplyKind.NEXT);
    }

    /**
     * Takes back a counted message the gateway reported as not billed (docs/protocol.md §8). An unclosed session goes back
     * by one message and its cost, and stops waiting when it no longer holds N − 1; a closed session stays closed and
     * paid, and is marked reversed with the amount.
     *
     * @return whether the session was closed, so that the payment action is owed a {@code paymentReversed}
     */
    public boolean reverse(BigDecimal cost, Instant now) {
        if (closedAt != null) {
            reversedAt = reversedAt == null ? now : reversedAt;
            reversedTotal = reversedTotal.add(cost);
            return true;
        }
        receivedMessages = Math.max(receivedMessages - 1, 0);
        total = total.subtract(cost);
        if (waitUntil != null && receivedMessages < requiredMessages - 1) {
            waitUntil = null;
        }
        return false;
    }

    private boolean isWaitingAt(Instant now) {
        return waitUntil != null && now.isBefore(waitUntil);
    }

    /** Where the session stands at {@code now}: waiting only while its wait end lies ahead. */
    public SessionState stateAt(Instant now) {
        if (closedAt != null) {
            return SessionState.CLOSED;
        }
        return isWaitingAt(now) ? SessionState.WAITING : SessionState.OPEN;
    }

    /** The wait still ahead at {@code now}; zero when the session does not wait. */
    public Duration waitLeftAt(Instant now) {
        return stateAt(now) == SessionState.WAITING ? Duration.between(now, waitUntil) : Duration.ZERO;
    }

    /**
     * The closed session of this safe with this code: how the payment-action runner finds the SMS payment an
     * action is owed for.
     */
    public static Optional<PaymentSession> findClosed(EntityManager em, long safeId, String code) {
        return em.createNamedQuery("PaymentSession.findByCode", PaymentSession.class)
                .setParameter("safeId", safeId).setParameter("code", code)
                .getResultStream().filter(session -> session.closedAt != null).findFirst();
    }

    /**
     * The session as the payment action receives it.
     *
     * @throws IllegalStateException when it is not closed: only a paid session is handed to the action
     */
    public ClosedSession closed() {
        if (closedAt == null) {
            throw new IllegalStateException("session " + code + " is not closed");
        }
        return new ClosedSession(code, safeId, msisdn, country, provider, content, receivedMessages, total,
                currency, openedAt, closedAt, dialect, test);
    }

    @Override
    public void deliverTo(PaymentAction action) throws Exception {
        action.sessionClosed(closed());
    }

    public long id() {
        return id;
    }

    public long safeId() {
        return safeId;
    }

    public SessionCode code() {
        return new SessionCode(code);
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

    /** What the first message said is paid for (an account, an order). */
    public String content() {
        return content;
    }

    /** N: how many messages close this session. */
    public int requiredMessages() {
        return requiredMessages;
    }

    /** k: how many messages were counted (rejected ones are not). */
    public int receivedMessages() {
        return receivedMessages;
    }

    /** The sum of the counted messages' end-user prices. */
    public BigDecimal total() {
        return total;
    }

    public String currency() {
        return currency;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** When the last message, counted or rejected, arrived. */
    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    public Optional<Instant> waitUntil() {
        return Optional.ofNullable(waitUntil);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** The gateway its messages came through. */
    public String dialect() {
        return dialect;
    }

    /** Whether it collects the gateway's test messages. */
    public boolean test() {
        return test;
    }

    /** When a message of it was first reported as not billed after it closed. */
    public Optional<Instant> reversedAt() {
        return Optional.ofNullable(reversedAt);
    }

    /** What reversed messages took from it after it closed. */
    public BigDecimal reversedTotal() {
        return reversedTotal;
    }
}
