package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.action.ActionWakeUp;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import org.hibernate.Session;

/**
 * The transactions in which the message path ({@link MessageProcessor}) and the report path ({@link ReportProcessor})
 * run one safe's {@link MessageStore}, and what follows from a change to a phone's rows.
 *
 * <p>A change to a phone's rows is one retried transaction. Each attempt's first statement takes the phone's lock row,
 * the clock is read under that lock, and the statements are the store's plain SQL on the transaction's connection. When
 * the change makes the payment action owed — it closed a session, or reversed a message of a closed one — the
 * dashboard's summary ({@link RevenueSummary}) is kept and an {@link ActionRun} per target (the Java action, the
 * webhook) owed on the same transaction (through the persistence context, once per payment, not per message), so a
 * committed change always owes its action; once it is committed, whoever runs the actions is told.
 */
final class StoreTransactions {
    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final RevenueSummary summary;
    private final ActionWakeUp runner;

    /**
     * @param summary the dashboard's figures; its safe is the store's
     * @param runner woken after the commit of every change that owed a payment action
     */
    StoreTransactions(Database database, Clock clock, RevenueSummary summary, ActionWakeUp runner) {
        this.database = database;
        this.safeId = summary.safeId();
        this.clock = clock;
        this.summary = summary;
        this.runner = runner;
    }

    Instant now() {
        return clock.instant();
    }

    /** One attempt at a change, after the phone's lock row was taken at {@code now}. */
    @FunctionalInterface
    interface Attempt<T> {
        /** @param firstOfPhone whether the lock row was created: the phone's first message, which has no session */
        Changed<T> run(MessageStore store, boolean firstOfPhone, Instant now) throws SQLException;
    }

    /**
     * What an attempt changed: its result and, when the payment action became owed, the session it is owed for and,
     * for a reversal, the reversed message.
     */
    record Changed<T>(T result, Optional<PaymentSession> owedFor, Optional<ReceivedMessage> reversed) {
        /** Nothing owed. */
        static <T> Changed<T> of(T result) {
            return new Changed<>(result, Optional.empty(), Optional.empty());
        }

        /** The change closed the session: its {@code sessionClosed} is owed. */
        static <T> Changed<T> closed(T result, PaymentSession session) {
            return new Changed<>(result, Optional.of(session), Optional.empty());
        }

        /** The change reversed a message of the closed session: a {@code paymentReversed} is owed. */
        static <T> Changed<T> reversed(T result, PaymentSession session, ReceivedMessage message) {
            return new Changed<>(result, Optional.of(session), Optional.of(message));
        }
    }

    /**
     * Runs the change to this phone's rows, retried while it conflicts, and tells of the payment action it owes once
     * committed.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached; nothing was changed
     */
    <T> T underPhoneLock(String dialect, String msisdn, Attempt<T> attempt) {
        Changed<T> changed = database.inRetriedTransaction(em -> once(em, dialect, msisdn, attempt));
        if (changed.owedFor().isPresent()) {
            runner.wake();
        }
        return changed.result();
    }

    private <T> Changed<T> once(EntityManager em, String dialect, String msisdn, Attempt<T> attempt) {
        record Attempted<T>(Changed<T> changed, List<ActionRun> owed) {
        }
        Attempted<T> attempted = em.unwrap(Session.class).doReturningWork(connection -> {
            MessageStore store = new MessageStore(connection, safeId);
            boolean firstOfPhone = store.lockPhone(database.engine(), dialect, msisdn);
            // the clock is read under the lock, so arrival times follow the order in which messages are counted
            Instant now = clock.instant();
            Changed<T> changed = attempt.run(store, firstOfPhone, now);
            return new Attempted<>(changed, owe(connection, changed, now));
        });
        attempted.owed().forEach(em::persist);
        return attempted.changed();
    }

    /**
     * Keeps the summary for a change that owes the payment action, and gives the runs it owes: one per target the
     * runners deliver to (the Java action, the webhook).
     */
    private List<ActionRun> owe(Connection connection, Changed<?> changed, Instant now) throws SQLException {
        if (changed.owedFor().isEmpty()) {
            return List.of();
        }
        PaymentSession session = changed.owedFor().get();
        if (changed.reversed().isPresent()) {
            ReceivedMessage message = changed.reversed().get();
            summary.reversed(connection, database.engine(), session, message.cost());
            // a reversal's run is found by the reversed message's row id (Reversal#find), a close's by the code
            return runner.owe(safeId, ActionRun.Kind.SMS_REVERSAL, String.valueOf(message.id()), now);
        }
        summary.closed(connection, database.engine(), session);
        return runner.owe(safeId, ActionRun.Kind.SMS_SESSION, session.code().value(), now);
    }

    /** Runs the store's statements in one transaction of their own. */
    <T> T inTransaction(MessageStore.Work<T> work) {
        return database.inTransaction(em -> MessageStore.on(em, safeId, work));
    }

    /** Runs the store's statements in one transaction of their own, retried while it conflicts. */
    <T> T inRetriedTransaction(MessageStore.Work<T> work) {
        return database.inRetriedTransaction(em -> MessageStore.on(em, safeId, work));
    }
}
