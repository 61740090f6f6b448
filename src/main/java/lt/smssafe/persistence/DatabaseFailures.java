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
import java.util.NoSuchElementException;
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
 * <li>the connection pool could not hand out a connection in time — every connection busy, the overload of a
 *     burst or of a database that stalls for a few seconds — → {@link DatabaseUnavailableException} too: overload
 *     is an outage for the caller, not a defect (see {@link #poolRefusal});</li>
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
    /**
     * The Jakarta Connectors' (and, before Jakarta EE 9, Java EE's) failure of a resource adapter, which WildFly's
     * IronJacamar puts under the SQLException of its DataSource. By name: the WAR does not compile against the
     * Connectors API, which only an application server has.
     */
    private static final Set<String> RESOURCE_EXCEPTIONS = Set.of("jakarta.resource.ResourceException",
            "javax.resource.ResourceException");

    private DatabaseFailures() {
    }

    /** The failure as one of the two typed kinds, or unchanged when it is a defect. */
    static RuntimeException classify(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException || failure instanceof TransactionConflictException) {
            return failure;
        }
        Throwable refusal = poolRefusal(failure);
        if (refusal != null) {
            String root = rootMessage(failure);
            return new DatabaseUnavailableException("no database connection was free in time: " + refusal.getMessage()
                    + (refusal.getMessage() != null && refusal.getMessage().contains(root) ? "" : " (" + root + ")"),
                    failure);
        }
        if (isUnreachable(failure)) {
            return new DatabaseUnavailableException("the database cannot be reached: " + rootMessage(failure),
                    failure);
        }
        if (isConflict(failure)) {
            return new TransactionConflictException(failure, isUniqueKeyRace(failure));
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

    /** The pool's refusal of a connection in the failure's causes (see {@link #isPoolRefusal}), or null. */
    private static Throwable poolRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isPoolRefusal(t)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether the pool refused a connection: every one was busy for as long as the pool lets a caller wait (or the
     * pool could not make a new one). Hikari says it with {@link SQLTransientConnectionException} (above); the
     * other pools a site owner may bind throw a plain SQLException without a SQLSTATE, which only its cause tells
     * apart from a wrong statement:
     * <ul>
     * <li>Tomcat's DBCP ({@code <Resource type="javax.sql.DataSource">}, and Apache Commons DBCP 2): "Cannot get a
     *     connection, pool error Timeout waiting for idle object" caused by the pool's
     *     {@link NoSuchElementException} (also "Pool exhausted" without waiting, and a new connection that failed
     *     its validation);</li>
     * <li>WildFly's datasources (IronJacamar): an SQLException caused by a {@code ResourceException}, "IJ000453:
     *     Unable to get managed connection for java:…" caused by "IJ000655: No managed connections available within
     *     configured blocking timeout (… [ms])" (or by the driver's failure to connect).</li>
     * </ul>
     * Only as the cause of an SQLException, where the pool puts them: a {@code NoSuchElementException} of the
     * application's own (an empty Optional, an exhausted iterator) is a defect.
     */
    private static boolean isPoolRefusal(Throwable t) {
        if (!(t instanceof SQLException) || t.getCause() == null) {
            return false;
        }
        Throwable cause = t.getCause();
        if (cause instanceof NoSuchElementException) {
            return true;
        }
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (RESOURCE_EXCEPTIONS.contains(type.getName())) {
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

    private static boolean isUniqueKeyRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isUniqueViolation(t)) {
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
