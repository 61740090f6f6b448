package lt.smssafe.sms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import lt.smssafe.persistence.SqlEngine;

/**
 * One row per (safe, phone) whose only purpose is to be locked: while a message from a phone is processed, its
 * row is written (and so held) by that transaction, so concurrent messages from that phone, on any node sharing the
 * database, are counted one after another. A sender id of one gateway is not the same phone as an equal id of another.
 * The row is keyed by safe, dialect and sender (a phone number or a gateway's sender id; blank is one key), and its
 * {@code writes} count how often it was taken: written by every taker, so that Galera certifies takers against each
 * other. Its statements, plain SQL on the transaction's connection, are {@link MessageStore}'s.
 */
final class PhoneLock {
    /** Writes an existing row: the lock for every message but a phone's first. */
    private static final String WRITE = "UPDATE smssafe_phone SET writes = writes + 1"
            + " WHERE safe_id = ? AND dialect = ? AND msisdn = ?";
    /** Creates the row: on H2 (no gap locks) a phone's first message inserts it after {@link #WRITE} found none. */
    private static final String INSERT = "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes)"
            + " VALUES (?, ?, ?, 1)";
    /**
     * Creates the row or, when it exists, writes it: MariaDB's upsert, one statement that takes the row's lock either
     * way.
     */
    private static final String UPSERT = INSERT + " ON DUPLICATE KEY UPDATE writes = writes + 1";
    /**
     * What MariaDB counts for an upsert that inserted its row. An update that changed the row counts 2 — and
     * {@link #UPSERT}'s always changes it ({@code writes + 1}): an update that left the row as it was would count 1
     * with the driver's default found-rows flag, and an existing phone would be taken for a new one.
     */
    private static final int UPSERT_INSERTED = 1;
    private static final String LAST_SESSION = nameLastSession(false);
    private static final String LAST_TEST_SESSION = nameLastSession(true);

    private PhoneLock() {
    }

    /**
     * Takes the phone's lock row for the rest of the transaction, creating it for a phone's first message.
     *
     * <p>It is a write, not only a locking read, for a MariaDB Galera cluster: there {@code SELECT ... FOR UPDATE}
     * locks only on its own node, and certification at commit only finds conflicts between transactions that wrote
     * the same rows. Writing the row makes two nodes' messages of one phone conflict at commit; the loser gets a
     * certification failure (SQLSTATE 40001), a conflict that is retried, and is counted after the winner. Two first
     * messages of a new phone on one database: the second waits for the first's uncommitted row and then writes it
     * (MariaDB) or fails on its key and is retried (H2, where an update that finds no row locks nothing). It must be
     * the transaction's first statement: on InnoDB, a plain read before it would fix the transaction's snapshot
     * before the previous holder of the lock committed. It runs on the transaction's own connection, as plain SQL.
     *
     * @return whether the row was created: the phone's first message, which has no session to look up
     */
    static boolean take(Connection connection, SqlEngine engine, long safeId, String dialect, String msisdn)
            throws SQLException {
        if (engine == SqlEngine.MARIADB) {
            return run(connection, UPSERT, safeId, dialect, msisdn) == UPSERT_INSERTED;
        }
        if (run(connection, WRITE, safeId, dialect, msisdn) > 0) {
            return false;
        }
        // a concurrent first message inserting the same row fails on its key and is retried, then writes it
        run(connection, INSERT, safeId, dialect, msisdn);
        return true;
    }

    /**
     * The column of the lock row (schema v6) that names the last session opened for the phone that did not close
     * with its first message — its unclosed session while that is not closed ({@link MessageStore#unclosed}); test
     * messages have sessions, and so a column, of their own.
     */
    static String lastSessionColumn(boolean test) {
        return test ? "last_test_session_id" : "last_session_id";
    }

    private static String nameLastSession(boolean test) {
        return "UPDATE smssafe_phone SET " + lastSessionColumn(test) + " = ? WHERE safe_id = ? AND dialect = ?"
                + " AND msisdn = ?";
    }

    /**
     * Names the session just opened for the phone as its last one, on the row {@link #take} took: the phone's next
     * message reads it by its id. A row that is not there would leave the session unreachable, and the phone's next
     * message would open a second one: that is a defect, not something to pass over.
     */
    static void lastSession(Connection connection, long safeId, String dialect, String msisdn, boolean test,
            long sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(test ? LAST_TEST_SESSION : LAST_SESSION)) {
            statement.setLong(1, sessionId);
            statement.setLong(2, safeId);
            statement.setString(3, dialect);
            statement.setString(4, msisdn);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no lock row of phone " + msisdn + " (" + dialect + ") to name session "
                        + sessionId + " in");
            }
        }
    }

    private static int run(Connection connection, String sql, long safeId, String dialect, String msisdn)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, safeId);
            statement.setString(2, dialect);
            statement.setString(3, msisdn);
            return statement.executeUpdate();
        }
    }
}
