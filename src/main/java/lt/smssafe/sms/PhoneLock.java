package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One row per (safe, phone) whose only purpose is to be locked: while a message from a phone is processed, its
 * row is written (and so held) by that transaction, so concurrent messages from that phone, on any node sharing the
 * database, are counted one after another. A sender id of one gateway is not the same phone as an equal id of another.
 */
@Entity
@Table(name = "smssafe_phone")
@NamedQuery(name = "PhoneLock.take", query = "update PhoneLock p set p.writes = p.writes + 1"
        + " where p.key.safeId = :safeId and p.key.dialect = :dialect and p.key.msisdn = :msisdn")
public class PhoneLock {
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

    /** The primary key: safe id, dialect and sender (a phone number or a gateway's sender id; blank is one key). */
    @Embeddable
    public record Key(@Column(name = "safe_id") long safeId, @Column(name = "dialect") String dialect,
            @Column(name = "msisdn") String msisdn) implements Serializable {
    }
}
