package lt.smssafe.sms;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import lt.smssafe.action.ActionWakeUp;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.sms.PaymentSession.Outcome;

/**
 * The message path, and the engine's entry for what a gateway says ({@link #handle}): stores one verified paid message
 * and applies it to its phone's payment session (docs/protocol.md §2 and §3), answering with the reply SMS only once
 * everything is committed. It knows no gateway: every dialect hands it a {@link PaidMessage}. A gateway's later report
 * about a message takes the report path, {@link ReportProcessor}; both run their statements through
 * {@link StoreTransactions}.
 *
 * <p>Exactly-once comes from the database, not the JVM: the phone's lock row serializes every message of one
 * phone across nodes, the unique {@code (safe_id, dialect, message_id)} makes any copy of a stored message — a retry,
 * or one arriving at the same moment — fail and retry into the stored answer, and the unique {@code (safe_id, code)}
 * does the same for a colliding code.
 */
public final class MessageProcessor {
    private final StoreTransactions transactions;
    private final ReportProcessor reports;
    private final long safeId;
    private final MessageCount messageCount;
    private final Duration delay;
    private final Language language;
    private final SecureRandom random;
    /** Sessions opened and closed by this node since it started, per dialect, counted after the commit. */
    private final Map<String, LongAdder> opened = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closed = new ConcurrentHashMap<>();

    /**
     * @param runner woken after the commit of every message that owed a payment action: a message closed its
     *     session, or a reversal of one of its messages owes {@code paymentReversed}. This processor's dashboard
     *     summary has days in UTC; the application gives a {@link RevenueSummary} in its zone to the other
     *     constructor
     */
    public MessageProcessor(Database database, long safeId, MessageCount messageCount, Duration delay,
            Language language, Clock clock, SecureRandom random, ActionWakeUp runner) {
        this(database, messageCount, delay, language, clock, random, runner,
                new RevenueSummary(safeId, ZoneOffset.UTC));
    }

    /**
     * @param summary the dashboard's figures, which every close and every reversal of a closed session's message
     *     keeps on the message's transaction; its safe is the processor's
     */
    public MessageProcessor(Database database, MessageCount messageCount, Duration delay, Language language,
            Clock clock, SecureRandom random, ActionWakeUp runner, RevenueSummary summary) {
        this.transactions = new StoreTransactions(database, clock, summary, runner);
        this.reports = new ReportProcessor(transactions);
        this.safeId = summary.safeId();
        this.messageCount = messageCount;
        this.delay = delay;
        this.language = language;
        this.random = random;
    }

    /**
     * Applies what a gateway said: a paid message here, a report about one by the report path
     * ({@link ReportProcessor}).
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was stored
     */
    public Answer handle(GatewayEvent event) {
        if (event instanceof PaidMessage message) {
            return process(message);
        }
        return reports.report((DeliveryReport) event);
    }

    /**
     * Processes the message and returns the answer for the gateway.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was stored
     */
    public Answer process(PaidMessage message) {
        try {
            // The first attempt takes the message for a new one, as nearly every message is: a copy of a stored one
            // (the gateway's retry, or a simultaneous duplicate) then fails on the unique message id, the whole
            // attempt is rolled back, and every further attempt looks the id up first and answers from storage.
            // A new message is spared that lookup.
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            Processed processed = transactions.underPhoneLock(message.dialect(), message.msisdn(),
                    (store, firstOfPhone, now) -> processOnce(store, message, firstOfPhone, now,
                            !firstAttempt.getAndSet(false)));
            Answer answer = processed.answer();
            if (processed.opened()) {
                opened.computeIfAbsent(message.dialect(), d -> new LongAdder()).increment();
            }
            if (answer.closedSession().isPresent()) {
                closed.computeIfAbsent(message.dialect(), d -> new LongAdder()).increment();
            }
            return answer;
        } catch (DatabaseUnavailableException e) {
            // the same outage, told with the message it cost, for the log line of the 503
            throw new DatabaseUnavailableException("message " + message.messageId() + " not stored: "
                    + e.getMessage(), e);
        }
    }

    /** Sessions this node opened since it started, for messages of this dialect. */
    public long sessionsOpened(String dialect) {
        LongAdder count = opened.get(dialect);
        return count == null ? 0 : count.sum();
    }

    /** Sessions this node closed since it started, for messages of this dialect. */
    public long sessionsClosed(String dialect) {
        LongAdder count = closed.get(dialect);
        return count == null ? 0 : count.sum();
    }

    /** What one message did: the answer, and whether it opened a session (counted once it is committed). */
    private record Processed(Answer answer, boolean opened) {
    }

    /**
     * One attempt at the message, under its phone's lock.
     *
     * @param lookUpFirst whether a stored copy is looked for first (every attempt but the first)
     */
    private StoreTransactions.Changed<Processed> processOnce(MessageStore store, PaidMessage message,
            boolean firstOfPhone, Instant now, boolean lookUpFirst) throws SQLException {
        Optional<ReceivedMessage> earlier = lookUpFirst ? store.message(message.dialect(), message.messageId())
                : Optional.empty();
        if (earlier.isPresent()) {
            return StoreTransactions.Changed.of(new Processed(earlier.get().sameMessageAs(message)
                    ? Answer.reply(earlier.get().reply()) : Answer.reused(), false));
        }
        if (!message.hasSender()
                && messageCount.forSender(message.dialect(), message.country(), message.operator()) > 1) {
            // nobody to collect the other messages from: kept for the site owner, never counted
            String reply = Replies.text(language, ReplyKind.UNIDENTIFIED, null, Duration.ZERO);
            store.insert(new ReceivedMessage(safeId, message, null, now, ReplyKind.UNIDENTIFIED, reply));
            return StoreTransactions.Changed.of(new Processed(Answer.reply(reply), false));
        }
        // a phone's first message has no session yet; a blank sender that can pay with one message opens a session
        // that closes at once: neither looks one up
        Optional<PaymentSession> unclosed = message.hasSender() && !firstOfPhone ? store.unclosed(message)
                : Optional.empty();
        PaymentSession session = unclosed.orElseGet(() -> newSession(message, now));
        Outcome outcome = session.accept(message.cost(), now, delay);
        if (unclosed.isEmpty()) {
            // inserted with its first message counted: one INSERT, not an INSERT and an UPDATE
            store.insert(session);
        } else {
            store.counted(session);
        }
        String reply = Replies.text(language, outcome.kind(), session.code(), outcome.left());
        store.insert(new ReceivedMessage(safeId, message, session.id(), now, outcome.kind(), reply));
        if (outcome.kind() != ReplyKind.CLOSED) {
            return StoreTransactions.Changed.of(new Processed(Answer.reply(reply), unclosed.isEmpty()));
        }
        return StoreTransactions.Changed.closed(new Processed(Answer.closed(reply, session.code()),
                unclosed.isEmpty()), session);
    }

    private PaymentSession newSession(PaidMessage message, Instant now) {
        return new PaymentSession(safeId, message.dialect(), message.test(), message.msisdn(), message.country(),
                message.operator(), SessionCode.random(random),
                messageCount.forSender(message.dialect(), message.country(), message.operator()), message.content(),
                message.currency(), now);
    }
}
