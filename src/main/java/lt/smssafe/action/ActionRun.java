package lt.smssafe.action;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * The payment action owed for one payment: created in the same transaction that completes the payment, so it
 * survives a crash, and kept with its attempts and last error until the action succeeds.
 */
@Entity
@Table(name = "smssafe_action_run")
@NamedQuery(name = "ActionRun.findDue", query = "select r.id from ActionRun r where r.safeId = :safeId"
        + " and r.succeededAt is null and r.nextAttemptAt <= :now"
        + " and (r.lockedUntil is null or r.lockedUntil < :now) order by r.nextAttemptAt")
@NamedQuery(name = "ActionRun.claim", query = "update ActionRun r set r.lockedUntil = :until,"
        + " r.attempts = r.attempts + 1, r.lastAttemptAt = :now where r.id = :id and r.succeededAt is null"
        + " and (r.lockedUntil is null or r.lockedUntil < :now)")
@NamedQuery(name = "ActionRun.release", query = "update ActionRun r set r.lockedUntil = null,"
        + " r.attempts = r.attempts - 1 where r.id = :id and r.lockedUntil = :until and r.succeededAt is null")
@NamedQuery(name = "ActionRun.findUnsucceeded", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.succeededAt is null order by r.createdAt")
@NamedQuery(name = "ActionRun.findByReference", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.kind = :kind and r.reference = :reference")
public class ActionRun {
    /** What kind of payment the action is owed for. */
    public enum Kind {
        /** A closed premium-SMS session; the reference is its code. */
        SMS_SESSION,
        /** A committed MBS direct-billing transaction; the reference is {@code <service id>:<transaction id>}. */
        MBS_TRANSACTION,
        /** A counted message of a closed session reported as not billed; the reference is the message's row id. */
        SMS_REVERSAL
    }

    /** Longest an error text kept for the admin may be (the column's size). */
    private static final int ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "safe_id", nullable = false)
    private long safeId;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(nullable = false)
    private String reference;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    @Convert(converter = EpochMillisConverter.class)
    private Instant nextAttemptAt;

    @Column(name = "locked_until")
    @Convert(converter = EpochMillisConverter.class)
    private Instant lockedUntil;

    @Column(name = "last_attempt_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant lastAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "succeeded_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant succeededAt;

    protected ActionRun() {
    }

    private ActionRun(long safeId, Kind kind, String reference, Instant now) {
        this.safeId = safeId;
        this.kind = kind;
        this.reference = reference;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** An action owed from now on. */
    public static ActionRun dueNow(long safeId, Kind kind, String reference, Instant now) {
        return new ActionRun(safeId, kind, reference, now);
    }

    /** The attempt succeeded: the action is done for good. The last error stays, as history for the admin. */
    void succeeded(Instant now) {
        succeededAt = now;
        lockedUntil = null;
    }

    /** The attempt failed: keep why, and try again after a pause that grows with the attempts. */
    void failed(Instant now, Throwable error) {
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        lastError = text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
        lockedUntil = null;
        nextAttemptAt = now.plus(RetrySchedule.pauseAfter(attempts));
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The payment's own key: for a session, its code. */
    public String reference() {
        return reference;
    }

    /** Attempts started so far, including one cut short by a crash. */
    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<Instant> succeededAt() {
        return Optional.ofNullable(succeededAt);
    }
}
