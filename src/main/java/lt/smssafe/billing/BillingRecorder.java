package lt.smssafe.billing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import lt.smssafe.action.ActionRun;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.TransientConflicts;

/**
 * Records what the platform says of a reported transaction and, the first time it is committed, owes the payment
 * action — in one transaction, so a report repeated at any moment (or many at once) owes it exactly once.
 */
public final class BillingRecorder {
    private static final int MAX_ATTEMPTS = 10;

    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final Consumer<String> onOwed;
    private final SecureRandom random = new SecureRandom();

    /** @param onOwed told, after the commit, the reference of a transaction whose action became owed */
    public BillingRecorder(Database database, long safeId, Clock clock, Consumer<String> onOwed) {
        this.database = database;
        this.safeId = safeId;
        this.clock = clock;
        this.onOwed = onOwed;
    }

    /**
     * Records the platform's description of the transaction.
     *
     * @return whether the payment action became owed by this report
     * @throws DatabaseUnavailableException when it could not be recorded; nothing was kept
     */
    public boolean record(long serviceId, long transactionId, BilledTransaction.Description platform) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean owed = database.inTransaction(em -> recordOnce(em, serviceId, transactionId, platform));
                if (owed) {
                    onOwed.accept(serviceId + ":" + transactionId);
                }
                return owed;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !TransientConflicts.isConflict(e)) {
                    throw new DatabaseUnavailableException("transaction " + serviceId + ":" + transactionId
                            + " not recorded: " + e.getMessage(), e);
                }
                // two reports of a new transaction at once: one insert wins, the other finds its row next time
                TransientConflicts.pause(attempt, random);
            }
        }
    }

    private boolean recordOnce(EntityManager em, long serviceId, long transactionId,
            BilledTransaction.Description platform) {
        Instant now = clock.instant();
        BilledTransaction recorded = em.createNamedQuery("BilledTransaction.find", BilledTransaction.class)
                .setParameter("serviceId", serviceId).setParameter("transactionId", transactionId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (recorded == null) {
            recorded = new BilledTransaction(safeId, serviceId, transactionId, now);
            recorded.describedAs(platform, now);
            // the insert happens here (identity key): a concurrent first report fails on the unique key and retries
            em.persist(recorded);
        } else {
            recorded.describedAs(platform, now);
        }
        if (!recorded.oweActionIfCommitted()) {
            return false;
        }
        em.persist(ActionRun.dueNow(safeId, ActionRun.Kind.MBS_TRANSACTION, recorded.reference(), now));
        return true;
    }
}
