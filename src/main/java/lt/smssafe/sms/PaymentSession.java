package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.action.OwedPayment;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.SessionState;
import lt.smssafe.persistence.Columns;
import java.util.Objects;

/**
 * One payment: N paid messages from one phone to one safe (docs/protocol.md §3). N is fixed when the session opens; the
 * session remembers what is paid for (the first message's content), the sum paid, and when it opened, waits until
 * and closed. A phone has at most one unclosed session per safe.
 *
 * <p>A plain object with the session's rules ({@link #accept}, {@link #reverse}); {@link MessageStore} is the one
 * writer and reader of its rows, through {@link #COLUMNS}.
 */
public final class PaymentSession implements OwedPayment {
    /**
     * Its row in {@code smssafe_session}: every column, as {@link MessageStore} inserts and reads it. A new column is
     * a migration, a field here and its line below.
     */
    static final Columns<PaymentSession> COLUMNS = new Columns<>("smssafe_session", PaymentSession::new,
            Columns.number("id", s -> s.id, (s, v) -> s.id = v),
            Columns.number("safe_id", s -> s.safeId, (s, v) -> s.safeId = v),
            Columns.text("dialect", s -> s.dialect, (s, v) -> s.dialect = v),
            Columns.flag("test", s -> s.test, (s, v) -> s.test = v),
            Columns.text("code", s -> s.code, (s, v) -> s.code = v),
            Columns.text("msisdn", s -> s.msisdn, (s, v) -> s.msisdn = v),
            Columns.text("country", s -> s.country, (s, v) -> s.country = v),
            Columns.text("provider", s -> s.operator, (s, v) -> s.operator = v),
            Columns.text("content", s -> s.content, (s, v) -> s.content = v),
            Columns.integer("required_messages", s -> s.requiredMessages, (s, v) -> s.requiredMessages = v),
            Columns.integer("received_messages", s -> s.receivedMessages, (s, v) -> s.receivedMessages = v),
            Columns.decimal("total", s -> s.total, (s, v) -> s.total = v),
            Columns.text("currency", s -> s.currency, (s, v) -> s.currency = v),
            Columns.instant("opened_at", s -> s.openedAt, (s, v) -> s.openedAt = v),
            Columns.instant("last_message_at", s -> s.lastMessageAt, (s, v) -> s.lastMessageAt = v),
            Columns.instant("wait_until", s -> s.waitUntil, (s, v) -> s.waitUntil = v),
            Columns.instant("closed_at", s -> s.closedAt, (s, v) -> s.closedAt = v),
            Columns.instant("reversed_at", s -> s.reversedAt, (s, v) -> s.reversedAt = v),
            Columns.decimal("reversed_total", s -> s.reversedTotal, (s, v) -> s.reversedTotal = v),
            Columns.integer("version", s -> s.version, (s, v) -> s.version = v));

    /** Given by the database when {@link MessageStore} inserts it. */
    private Long id;
    private long safeId;
    /** The gateway its messages came through; {@code test} whether they are the gateway's test messages. */
    private String dialect;
    private boolean test;
    private String code;
    private String msisdn;
    private String country;
    private String operator;
    private String content;
    private int requiredMessages;
    private int receivedMessages;
    private BigDecimal total;
    private String currency;
    private Instant openedAt;
    private Instant lastMessageAt;
    private Instant waitUntil;
    private Instant closedAt;
    private Instant reversedAt;
    private BigDecimal reversedTotal;
    /** Counts the session's updates: each expects the version it read, against a writer outside the phone's lock. */
    private int version;

    /** A blank session for a row to be read into. */
    private PaymentSession() {
    }

    /**
     * A session opened by a phone's first message, with nothing counted yet; {@link #accept} counts that message.
     *
     * @param requiredMessages N, fixed for the life of the session
     * @param content what the first message says is paid for
     * @param dialect the gateway of its messages; {@code test} whether they are the gateway's test messages
     */
    public PaymentSession(long safeId, String dialect, boolean test, String msisdn, String country, String operator,
            SessionCode code, int requiredMessages, String content, String currency, Instant now) {
        if (requiredMessages < 1) {
            throw new IllegalArgumentException("a session needs at least one message, not " + requiredMessages);
        }
        this.safeId = safeId;
        this.dialect = dialect;
        this.test = test;
        this.msisdn = msisdn;
        this.country = country;
        this.operator = operator;
        this.code = code.value();
        this.requiredMessages = requiredMessages;
        this.content = content;
        this.currency = currency;
        this.total = BigDecimal.ZERO.setScale(2);
        this.reversedTotal = BigDecimal.ZERO.setScale(2);
        this.openedAt = now;
        this.lastMessageAt = now;
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
        return MessageStore.on(em, safeId, store -> store.session(code))
                .filter(session -> session.closedAt != null);
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
        return new ClosedSession(code, safeId, msisdn, country, operator, content, receivedMessages, total,
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

    public String operator() {
        return operator;
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

    /**
     * What one message did to its session.
     *
     * @param kind which reply it gets
     * @param left for {@link ReplyKind#LAST} and {@link ReplyKind#WAIT}, the wait still ahead; zero otherwise
     */
    public record Outcome(ReplyKind kind, Duration left) {
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(left, "left");
        }

        static Outcome of(ReplyKind kind) {
            return new Outcome(kind, Duration.ZERO);
        }
    }
}
