package lt.smssafe.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * The one place that decides what a failed unit of work means, from the causes the JDBC driver, the pool and
 * Hibernate attach:
 * <ul>
 * <li>the database cannot be reached, or did not answer in time → {@link DatabaseUnavailableException}, a 503 for
 *     the caller, who may try again;</li>
 * <li>a lock conflict, deadlock, certification failure or unique-key race between concurrent transactions →
 *     {@link TransactionConflictException}, worth running again from the start;</li>
 * <li>anything else — a wrong query, a missing column, a NULL in a NOT NULL column, a foreign key or check that
 *     does not hold, a bug — is a defect and is left as it is, so that it reaches the log with its stack trace
 *     instead of passing for an outage.</li>
 * </ul>
 */
final class DatabaseFailures {
    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_CLASS = "08";
    /** SQLSTATE of a unique or primary key violation, as the standard and H2 report it. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 23: integrity constraint violation (MariaDB reports every kind as 23000). */
    private static final String INTEGRITY_CLASS = "23";
    /** MariaDB's and MySQL's duplicate-key errors: ER_DUP_ENTRY and ER_DUP_ENTRY_WITH_KEY_NAME. */
    private static final Set<Integer> DUPLICATE_KEY_ERRORS = Set.of(1062, 1586);

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
            if (t instanceof LockAcquisitionException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException || t instanceof OptimisticLockException
                    || t instanceof SQLTransactionRollbackException || isUniqueViolation(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this is a unique or primary key violation: two transactions inserting the same row at once, which the
     * later one resolves by running again and finding the row. A NULL in a NOT NULL column, a missing foreign key
     * or a failed check fails the same way on every attempt: a defect, not a race. Hibernate names the kind for
     * H2 and MariaDB; the SQLSTATE and MariaDB's error code decide where it did not convert the failure.
     */
    private static boolean isUniqueViolation(Throwable t) {
        if (t instanceof ConstraintViolationException violation) {
            return violation.getKind() == ConstraintKind.UNIQUE;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals(UNIQUE_VIOLATION) || sql.getSQLState().startsWith(INTEGRITY_CLASS)
                        && DUPLICATE_KEY_ERRORS.contains(sql.getErrorCode()));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
