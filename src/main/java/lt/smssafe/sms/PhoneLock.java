package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One row per (safe, phone) whose only purpose is to be locked: while a message from a phone is processed, its
 * row is held {@code FOR UPDATE}, so concurrent messages from that phone, on any node sharing the database, are
 * counted one after another. A sender id of one gateway is not the same phone as an equal id of another.
 */
@Entity
@Table(name = "smssafe_phone")
public class PhoneLock {
    @EmbeddedId
    private Key key;

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
