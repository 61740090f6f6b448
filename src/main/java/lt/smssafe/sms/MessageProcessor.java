package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Connection;
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
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionWakeUp;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import org.hibernate.Session;

/**
 * Stores one verified paid message and applies it to its phone's payment session (docs/protocol.md §2 and §3), answering
 * with the reply SMS only once everything is committed. It knows no gateway: every dialect hands it a
 * {@link PaidMessage}.
 *
 * <p>Exactly-once comes from the database, not the JVM: the phone's lock row serializes every message of one
 * phone across nodes, the unique {@code (safe_id, dialect, message_id)} makes any copy of a stored message — a retry,
 * or one arriving at the same moment — fail and retry into the stored answer, and the unique {@code (safe_id, code)}
 * does the same for a colliding code.
 */
public final class MessageProcessor {
    private final Database database;
    private final long safeId;
    private final MessageCount messageCount;
    private final Duration delay;
    private final Language language;
    private final Clock clock;
    private final SecureRandom random;
    private final ActionWakeUp runner;
    private final RevenueSummary summary;
    /** Sessions opened and closed by this node since it started, per dialect, counted after the commit. */
    private final Map<String, LongAdder> opened = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closed = new ConcurrentHashMap<>();

    /**
     * @param runner woken after the commit of every transaction that owed a payment action: a message closed a
     *     session, or a reversal of one of its messages owes {@code paymentReversed}
     *     — its dashboard's summary has days in UTC: the application gives a {@link RevenueSummary} in its zone
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
        this.summary = summary;
        long safeId = summary.safeId();
        this.database = database;
        this.safeId = safeId;
        this.messageCount = messageCount;
        this.delay = delay;
        this.language = language;
        this.clock = clock;
        this.random = random;
        this.runner = runner;
    }

    /**
     * Applies what a gateway said: a paid message or a report about one.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was stored
     */
    public Answer handle(ProviderEvent event) {
        if (event instanceof PaidMessage message) {
            return process(message);
        }
        return report((DeliveryReport) event);
    }

    /**
     * Processes the message and returns the answer for the provider.
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
            Processed processed = database.inRetriedTransaction(
                    em -> processOnce(em, message, !firstAttempt.getAndSet(false)));
            Answer answer = processed.answer();
            if (processed.opened()) {
                opened.computeIfAbsent(message.dialect(), d -> new LongAdder()).increment();
            }
            if (answer.closedSession().isPresent()) {
                closed.computeIfAbsent(message.dialect(), d -> new LongAdder()).increment();
                runner.wake();
            }
            return answer;
        } catch (DatabaseUnavailableException e) {
            // the same outage, told with the message it cost, for the log line of the 503
            throw new DatabaseUnavailableException("message " + message.messageId() + " not stored: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Applies a gateway's later report about a message (docs/protocol.md §8.1): {@code ok} confirms and changes nothing;
     * {@code failed} reverses a counted message once. A report for a message never stored is kept for the site
     * owner. Answers {@code 200 OK}, or the 409 when the report's values are not the stored message's.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was changed
     */
    public Answer report(DeliveryReport report) {
        try {
            // the sender is read first, in a transaction of its own, so that the change below starts with the lock
            Optional<String> sender = database.inTransaction(em -> ReceivedMessage.find(em, safeId,
                    report.dialect(), report.messageId()).map(ReceivedMessage::msisdn));
            if (sender.isEmpty()) {
                database.inRetriedTransaction(em -> {
                    UnmatchedReport.record(em, safeId, report, clock.instant());
                    return null;
                });
                return Answer.reply("OK");
            }
            Optional<SessionCode> reversedClosed;
            try {
                reversedClosed = database.inRetriedTransaction(em -> reportOnce(em, report, sender.get()));
            } catch (Reused e) {
                return Answer.reused();
            }
            if (reversedClosed.isEmpty()) {
                return Answer.reply("OK");
            }
            // a paymentReversed became owed: the runner is woken as for a close
            runner.wake();
            return Answer.reply("OK");
        } catch (DatabaseUnavailableException e) {
            throw new DatabaseUnavailableException("report of message " + report.messageId() + " not applied: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Applies the report under the phone's lock.
     *
     * @return the closed session a reversal now owes a {@code paymentReversed} for, if any
     * @throws Reused when the report's values are not the stored message's
     */
    private Optional<SessionCode> reportOnce(EntityManager em, DeliveryReport report, String sender) {
        lockPhone(em, report.dialect(), sender);
        Instant now = clock.instant();
        ReceivedMessage message = ReceivedMessage.find(em, safeId, report.dialect(), report.messageId())
                .orElseThrow(() -> new IllegalStateException("message " + report.messageId() + " vanished"));
        if (!report.matches(message)) {
            throw new Reused();
        }
        if (report.billed() || !message.reverse(now) || !message.counted()) {
            return Optional.empty();
        }
        PaymentSession session = em.find(PaymentSession.class, message.sessionId().get());
        if (!session.reverse(message.cost(), now)) {
            return Optional.empty();
        }
        em.unwrap(Session.class).doWork(connection -> summary.reversed(connection, database.engine(), session,
                message.cost()));
        em.persist(ActionRun.dueNow(safeId, ActionRun.Kind.SMS_REVERSAL, String.valueOf(message.id()), now));
        return Optional.of(session.code());
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

    /**
     * What one message did: the answer, whether it opened a session (counted once it is committed), and the payment
     * action it owes when it closed one.
     */
    private record Processed(Answer answer, boolean opened, Optional<ActionRun> owed) {
        Processed(Answer answer, boolean opened) {
            this(answer, opened, Optional.empty());
        }
    }

    /**
     * One attempt at the message, in the transaction {@link Database#inRetriedTransaction} opened: its statements are
     * {@link MessageStore}'s plain SQL on that transaction's connection, and only an owed payment action goes through
     * the persistence context (once per payment, not per message).
     */
    private Processed processOnce(EntityManager em, PaidMessage message, boolean lookUpFirst) {
        Processed processed = em.unwrap(Session.class).doReturningWork(
                connection -> processOnce(connection, message, lookUpFirst));
        processed.owed().ifPresent(em::persist);
        return processed;
    }

    private Processed processOnce(Connection connection, PaidMessage message, boolean lookUpFirst)
            throws SQLException {
        boolean firstOfPhone = PhoneLock.take(connection, database.engine(), safeId, message.dialect(),
                message.msisdn());
        MessageStore store = new MessageStore(connection, safeId);
        // the clock is read under the lock, so arrival times follow the order in which messages are counted
        Instant now = clock.instant();
        Optional<ReceivedMessage> earlier = lookUpFirst ? store.find(message.dialect(), message.messageId())
                : Optional.empty();
        if (earlier.isPresent()) {
            return new Processed(earlier.get().sameMessageAs(message) ? Answer.reply(earlier.get().reply())
                    : Answer.reused(), false);
        }
        if (!message.hasSender()
                && messageCount.forSender(message.dialect(), message.country(), message.provider()) > 1) {
            // nobody to collect the other messages from: kept for the site owner, never counted
            String reply = Replies.text(language, ReplyKind.UNIDENTIFIED, null, Duration.ZERO);
            store.insert(message, null, now, ReplyKind.UNIDENTIFIED, reply);
            return new Processed(Answer.reply(reply), false);
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
            store.update(session);
        }
        String reply = Replies.text(language, outcome.kind(), session.code(), outcome.left());
        store.insert(message, session.id(), now, outcome.kind(), reply);
        if (outcome.kind() != ReplyKind.CLOSED) {
            return new Processed(Answer.reply(reply), unclosed.isEmpty());
        }
        summary.closed(connection, database.engine(), session);
        return new Processed(Answer.closed(reply, session.code()), unclosed.isEmpty(),
                Optional.of(ActionRun.dueNow(safeId, ActionRun.Kind.SMS_SESSION, session.code().value(), now)));
    }

    /** Takes the phone's lock row (see {@link PhoneLock#take}): always the first statement of a transaction. */
    private void lockPhone(EntityManager em, String dialect, String msisdn) {
        em.unwrap(Session.class).doWork(connection -> PhoneLock.take(connection, database.engine(), safeId, dialect,
                msisdn));
    }

    /** A report whose values are not its stored message's: nothing changes, the answer is the 409. */
    private static final class Reused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reused() {
            super("the report's values are not the stored message's", null, false, false);
        }
    }

    private PaymentSession newSession(PaidMessage message, Instant now) {
        return new PaymentSession(safeId, message.dialect(), message.test(), message.msisdn(), message.country(),
                message.provider(), SessionCode.random(random),
                messageCount.forSender(message.dialect(), message.country(), message.provider()), message.content(),
                message.currency(), now);
    }
}
