package lt.smssafe.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * A paid session's code, spent (docs/protocol.md §9): for which reference and when. At most one per session, by the
 * table's unique key; written only by {@link Redemptions}, never changed, and read with the session by the pages.
 */
@Entity
@Table(name = "smssafe_redemption")
@NamedQuery(name = "SessionRedemption.findBySession", query = "select r from SessionRedemption r"
        + " where r.sessionId = :sessionId")
public class SessionRedemption {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(nullable = false)
    private String reference;

    @Column(name = "redeemed_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant redeemedAt;

    protected SessionRedemption() {
    }

    /** @param now stored as epoch milliseconds: give it whole milliseconds, so that what is answered is what is kept */
    SessionRedemption(PaymentSession session, RedemptionReference reference, Instant now) {
        this.safeId = session.safeId();
        this.sessionId = session.id();
        this.reference = reference.value();
        this.redeemedAt = now;
    }

    /** What the site gave the code to, exactly as it sent it. */
    public String reference() {
        return reference;
    }

    public Instant redeemedAt() {
        return redeemedAt;
    }

    /** Whether this is the redemption for {@code other}: the same reference, exactly. */
    boolean isFor(RedemptionReference other) {
        return reference.equals(other.value());
    }
}
