package lt.smssafe.processing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import lt.smssafe.action.ActionRun;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.PhoneLock;
import lt.smssafe.persistence.TransientConflicts;
import lt.smssafe.session.Language;
import lt.smssafe.session.MessageValues;
import lt.smssafe.session.Outcome;
import lt.smssafe.session.PaymentSession;
import lt.smssafe.session.ReceivedMessage;
import lt.smssafe.session.Replies;
import lt.smssafe.session.ReplyKind;
import lt.smssafe.session.SessionCode;

/**
 * Stores one verified message and applies it to its phone's payment session (PROTOCOL.md §2 and §3), answering
 * with the reply SMS only once everything is committed.
 *
 * <p>Exactly-once comes from the database, not the JVM: the phone's lock row serializes every message of one
 * phone across nodes, the unique {@code (safe_id, message_id)} makes a simultaneous copy of a message fail and
 * retry into the stored answer, and the unique {@code (safe_id, code)} does the same for a colliding code.
 */
public final class NotificationProcessor {
    /** Conflicts are retried this often before the database counts as unavailable. */
    private static final int MAX_ATTEMPTS = 20;

    private final Database database;
    private final long safeId;
    private final MessageCount messageCount;
    private final Duration delay;
    private final Language language;
    private final Clock clock;
    private final SecureRandom random;
    private final Consumer<SessionCode> onClose;

    /**
     * @param onClose told, after the commit, about every session a message closed (wakes the payment action)
     */
    public NotificationProcessor(Database database, long safeId, MessageCount messageCount, Duration delay,
            Language language, Clock clock, SecureRandom random, Consumer<SessionCode> onClose) {
        this.database = database;
        this.safeId = safeId;
        this.messageCount = messageCount;
        this.delay = delay;
        this.language = language;
        this.clock = clock;
        this.random = random;
        this.onClose = onClose;
    }

    /**
     * Processes the message and returns the answer for the provider.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was stored
     */
    public Answer process(MessageValues message) {
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = database.inTransaction(em -> processOnce(em, message));
                answer.closedSession().ifPresent(onClose);
                return answer;
            } catch (NewPhone e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new DatabaseUnavailableException("message " + message.messageId()
                            + " not stored: its phone's lock row could not be created", e);
                }
                createPhoneRow(message);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !TransientConflicts.isConflict(e)) {
                    throw new DatabaseUnavailableException("message " + message.messageId() + " not stored: "
                            + e.getMessage(), e);
                }
                TransientConflicts.pause(attempt, random);
            }
        }
    }

    private Answer processOnce(EntityManager em, MessageValues message) {
        lockPhone(em, message);
        // the clock is read under the lock, so arrival times follow the order in which messages are counted
        Instant now = clock.instant();
        Optional<ReceivedMessage> earlier = em.createNamedQuery("ReceivedMessage.findByMessageId",
                        ReceivedMessage.class)
                .setParameter("safeId", safeId)
                .setParameter("messageId", message.messageId())
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return earlier.get().sameMessageAs(message) ? Answer.reply(earlier.get().reply()) : Answer.reused();
        }
        PaymentSession session = unclosedSession(em, message)
                .orElseGet(() -> openSession(em, message, now));
        Outcome outcome = session.accept(message.cost(), now, delay);
        String reply = Replies.text(language, outcome.kind(), session.code(), outcome.left());
        em.persist(new ReceivedMessage(message, session.id(), now, outcome.kind(), reply));
        if (outcome.kind() != ReplyKind.CLOSED) {
            return Answer.reply(reply);
        }
        em.persist(ActionRun.dueNow(safeId, ActionRun.Kind.SMS_SESSION, session.code().value(), now));
        return Answer.closed(reply, session.code());
    }

    /**
     * Takes the phone's row lock. The locking read comes first in the transaction on purpose: on InnoDB, a plain
     * read before it would fix the transaction's snapshot before the previous holder of the lock committed.
     *
     * @throws NewPhone when the phone has no lock row yet: the transaction is rolled back and the row created in a
     *     transaction of its own. Inserting it here, after a locking read of a missing row, would hold InnoDB gap
     *     locks across the insert, and many new phones at once would deadlock on each other's gaps.
     */
    private void lockPhone(EntityManager em, MessageValues message) {
        PhoneLock.Key key = new PhoneLock.Key(safeId, message.msisdn());
        if (em.find(PhoneLock.class, key, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new NewPhone();
        }
    }

    /** Creates the phone's lock row; a concurrent first message of the same phone may have created it already. */
    private void createPhoneRow(MessageValues message) {
        try {
            database.inTransaction(em -> {
                em.persist(new PhoneLock(safeId, message.msisdn()));
                em.flush();
                return null;
            });
        } catch (RuntimeException e) {
            if (!TransientConflicts.isConflict(e)) {
                throw new DatabaseUnavailableException("message " + message.messageId() + " not stored: "
                        + e.getMessage(), e);
            }
            // the row exists now (or a passing conflict): the next attempt locks it or tries again
        }
    }

    /** The phone has written nothing yet: there is no lock row to take. */
    private static final class NewPhone extends RuntimeException {
        NewPhone() {
            super(null, null, false, false);
        }
    }

    private Optional<PaymentSession> unclosedSession(EntityManager em, MessageValues message) {
        return em.createNamedQuery("PaymentSession.findUnclosedByPhone", PaymentSession.class)
                .setParameter("safeId", safeId)
                .setParameter("msisdn", message.msisdn())
                .getResultStream().findFirst();
    }

    private PaymentSession openSession(EntityManager em, MessageValues message, Instant now) {
        PaymentSession session = new PaymentSession(safeId, message.msisdn(), message.country(), message.provider(),
                SessionCode.random(random), messageCount.forSender(message.country(), message.provider()),
                message.content(), message.currency(), now);
        em.persist(session);
        // a code already taken in this safe fails here and the whole message is retried with a new code
        em.flush();
        return session;
    }
}
