package lt.smssafe.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.random.RandomGenerator;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells a conflict between concurrent transactions, which is worth retrying from the start, from a database that
 * is not there, which is not.
 */
public final class TransientConflicts {
    private TransientConflicts() {
    }

    /** Whether the failure is a lock conflict, deadlock or constraint race that a fresh attempt may not meet. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof LockAcquisitionException
                    || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException
                    || t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause that grows with the attempt, so colliding transactions do not collide again. */
    public static void pause(int attempt, RandomGenerator random) {
        try {
            Thread.sleep(random.nextInt(1, 5 * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
