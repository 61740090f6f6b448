package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Map;
import lt.smssafe.persistence.SqlEngine;

/**
 * One row per (safe, phone) whose only purpose is to be locked: while a message from a phone is processed, its
 * row is written (and so held) by that transaction, so concurrent messages from that phone, on any node sharing the
 * database, are counted one after another. A sender id of one gateway is not the same phone as an equal id of another.
 */
@Entity
@Table(name = "smssafe_phone")
public class PhoneLock {
    /**
     * Creates the row or, when it exists, writes it: one statement that takes the row's lock either way. Standard
     * {@code MERGE} on H2; MariaDB has none, its upsert is {@code INSERT ... ON DUPLICATE KEY UPDATE}.
     */
    private static final Map<SqlEngine, String> TAKE = Map.of(
            SqlEngine.H2, "MERGE INTO smssafe_phone p USING (VALUES (CAST(?1 AS BIGINT), CAST(?2 AS VARCHAR(16)),"
                    + " CAST(?3 AS VARCHAR(64)))) n (safe_id, dialect, msisdn) ON p.safe_id = n.safe_id"
                    + " AND p.dialect = n.dialect AND p.msisdn = n.msisdn"
                    + " WHEN MATCHED THEN UPDATE SET p.writes = p.writes + 1"
                    + " WHEN NOT MATCHED THEN INSERT (safe_id, dialect, msisdn, writes)"
                    + " VALUES (n.safe_id, n.dialect, n.msisdn, 1)",
            SqlEngine.MARIADB, "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes) VALUES (?1, ?2, ?3, 1)"
                    + " ON DUPLICATE KEY UPDATE writes = writes + 1");

    @EmbeddedId
    private Key key;

    /** How often the row was taken: written by every taker, so that Galera certifies takers against each other. */
    @Column(nullable = false)
    private long writes;

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
     * (MariaDB) or fails on its key and is retried (H2). It must be the transaction's first statement: on InnoDB, a
     * plain read before it would fix the transaction's snapshot before the previous holder of the lock committed.
     */
    static void take(EntityManager em, SqlEngine engine, long safeId, String dialect, String msisdn) {
        em.createNativeQuery(TAKE.get(engine)).setParameter(1, safeId).setParameter(2, dialect)
                .setParameter(3, msisdn).executeUpdate();
    }

    /** The primary key: safe id, dialect and sender (a phone number or a gateway's sender id; blank is one key). */
    @Embeddable
    public record Key(@Column(name = "safe_id") long safeId, @Column(name = "dialect") String dialect,
            @Column(name = "msisdn") String msisdn) implements Serializable {
    }
}
