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
 * counted one after another.
 */
@Entity
@Table(name = "smssafe_phone")
public class PhoneLock {
    @EmbeddedId
    private Key key;

    protected PhoneLock() {
    }

    /** The lock row for this phone. */
    public PhoneLock(long safeId, String msisdn) {
        this.key = new Key(safeId, msisdn);
    }

    /** The primary key: safe id and phone number. */
    @Embeddable
    public record Key(@Column(name = "safe_id") long safeId, @Column(name = "msisdn") String msisdn)
            implements Serializable {
    }
}
