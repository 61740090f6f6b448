package lt.smssafe.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * The one place that decides what a failed unit of work means, from the causes the JDBC driver, the pool and
 * Hibernate attach:
 * <ul>
 * <li>the database cannot be reached, or did not answer in time → {@link DatabaseUnavailableException}, a 503 for
 *     the caller, who may try again;</li>
 * <li>a lock conflict, deadlock, certification failure or constraint race between concurrent transactions →
 *     {@link TransactionConflictException}, worth running again from the start;</li>
 * <li>anything else — a wrong query, a missing column, a bug — is a defect and is left as it is, so that it reaches
 *     the log with its stack trace instead of passing for an outage.</li>
 * </ul>
 */
final class DatabaseFailures {
    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_CLASS = "08";

    private DatabaseFailures() {
    }

    /** The failure as one of the two typed kinds, or unchanged when it is a defect. */
    static RuntimeException classify(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException || failure instanceof TransactionConflictException) {
            return failure;
        }
        if (isUnreachable(failure)) {
            return new DatabaseUnavailableException("the database cannot be reached: " + rootMessage(failure),
                    failure);
        }
        if (isConflict(failure)) {
            return new TransactionConflictException(failure);
        }
        return failure;
    }

    private static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_CLASS)
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(Throwable failure) {
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

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
