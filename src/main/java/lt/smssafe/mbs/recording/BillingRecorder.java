package lt.smssafe.mbs.recording;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionReference;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;

/**
 * Records what the platform says of a reported transaction and, the first time it is committed, owes the payment
 * action — in one transaction, so a report repeated at any moment (or many at once) owes it exactly once.
 */
public final class BillingRecorder {
    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final OwedAction owedAction;

    /** @param owedAction keeps the payment action a transaction becomes owed, and is told once that committed */
    public BillingRecorder(Database database, long safeId, Clock clock, OwedAction owedAction) {
        this.database = database;
        this.safeId = safeId;
        this.clock = clock;
        this.owedAction = owedAction;
    }

    /**
     * Records the platform's description of the transaction, as its {@code getTransaction} answered.
     *
     * @return whether the payment action became owed by this report
     * @throws DatabaseUnavailableException when it could not be recorded; nothing was kept
     */
    public boolean record(Transaction platform) {
        // two reports of a new transaction at once: one insert wins, the other is retried and finds its row
        boolean owed = database.inRetriedTransaction(em -> recordOnce(em, platform));
        if (owed) {
            owedAction.owed(TransactionReference.of(platform));
        }
        return owed;
    }

    private boolean recordOnce(EntityManager em, Transaction platform) {
        Instant now = clock.instant();
        TransactionReference reference = TransactionReference.of(platform);
        BilledTransaction recorded = BilledTransaction.find(em, reference, true).orElse(null);
        if (recorded == null) {
            recorded = new BilledTransaction(safeId, reference, now);
            recorded.describedAs(platform, now);
            // the insert happens here (identity key): a concurrent first report fails on the unique key and retries
            em.persist(recorded);
        } else {
            recorded.describedAs(platform, now);
        }
        if (!platform.isBilled() || !recorded.oweActionOnce()) {
            return false;
        }
        owedAction.owe(em, reference, now);
        return true;
    }
}
