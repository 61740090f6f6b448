package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import lt.smssafe.persistence.SqlEngine;

/**
 * One row per (safe, phone) whose only purpose is to be locked: while a message from a phone is processed, its
 * row is written (and so held) by that transaction, so concurrent messages from that phone, on any node sharing the
 * database, are counted one after another. A sender id of one gateway is not the same phone as an equal id of another.
 */
@Entity
@Table(name = "smssafe_phone")
public class PhoneLock {
    /** Writes an existing row: the lock for every message but a phone's first. */
    private static final String WRITE = "UPDATE smssafe_phone SET writes = writes + 1"
            + " WHERE safe_id = ? AND dialect = ? AND msisdn = ?";
    /**
     * Creates the row or, when it exists, writes it: MariaDB's upsert, one statement that takes the row's lock either
     * way. On H2 (no gap locks) a phone's first message inserts the row after {@link #WRITE} found none.
     */
    private static final String UPSERT = "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes)"
            + " VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE writes = writes + 1";
    private static final String INSERT = "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes)"
            + " VALUES (?, ?, ?, 1)";
    /** What MariaDB counts for an upsert that inserted its row (an update that changed it counts 2). */
    private static final int UPSERT_INSERTED = 1;
    private static final String LAST_SESSION = "UPDATE smssafe_phone SET last_session_id = ?"
            + " WHERE safe_id = ? AND dialect = ? AND msisdn = ?";
    private static final String LAST_TEST_SESSION = "UPDATE smssafe_phone SET last_test_session_id = ?"
            + " WHERE safe_id = ? AND dialect = ? AND msisdn = ?";

    @EmbeddedId
    private Key key;

    /** How often the row was taken: written by every taker, so that Galera certifies takers against each other. */
    @Column(nullable = false)
    private long writes;

    /**
     * The last session opened for this phone that did not close with its first message: the phone's unclosed session
     * while that is not closed (see {@link MessageStore#unclosed}). Test sessions have their own.
     */
    @Column(name = "last_session_id")
    private Long lastSessionId;

    @Column(name = "last_test_session_id")
    private Long lastTestSessionId;

    protected PhoneLock() {
    }

    /** The lock row for this phone of this dialect. */
    public PhoneLock(long safeId, String dialect, String msisdn) {
        this.key = new Key(safeId, dialect, msisdn);
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
            return run(connection, UPSERT, null, safeId, dialect, msisdn) == UPSERT_INSERTED;
        }
        if (run(connection, WRITE, null, safeId, dialect, msisdn) > 0) {
            return false;
        }
        // a concurrent first message inserting the same row fails on its key and is retried, then writes it
        run(connection, INSERT, null, safeId, dialect, msisdn);
        return true;
    }

    /**
     * Names the session just opened for the phone as its last one, under the lock taken by {@link #take}: the
     * phone's next message reads it by its id. Only for a session that stays open after its first message.
     */
    static void lastSession(Connection connection, long safeId, String dialect, String msisdn, boolean test,
            long sessionId) throws SQLException {
        run(connection, test ? LAST_TEST_SESSION : LAST_SESSION, sessionId, safeId, dialect, msisdn);
    }

    private static int run(Connection connection, String sql, Long sessionId, long safeId, String dialect,
            String msisdn) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (sessionId != null) {
                statement.setLong(parameter++, sessionId);
            }
            statement.setLong(parameter++, safeId);
            statement.setString(parameter++, dialect);
            statement.setString(parameter, msisdn);
            return statement.executeUpdate();
        }
    }

    /** The primary key: safe id, dialect and sender (a phone number or a gateway's sender id; blank is one key). */
    @Embeddable
    public record Key(@Column(name = "safe_id") long safeId, @Column(name = "dialect") String dialect,
            @Column(name = "msisdn") String msisdn) implements Serializable {
    }
}
