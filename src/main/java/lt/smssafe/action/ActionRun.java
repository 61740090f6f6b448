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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lt.smssafe.persistence.EpochMillisConverter;

/**
 * The payment action owed for one payment and one {@link Target}: created in the same transaction that completes the
 * payment, so it survives a crash, and kept with its attempts and last error until the action succeeds, or, for the
 * webhook, until it is given up ({@link #failedAt()}) after at least {@link #GIVE_UP_AFTER} of failures.
 */
@Entity
@Table(name = "smssafe_action_run")
@NamedQuery(name = "ActionRun.findDue", query = "select r.id from ActionRun r where r.safeId = :safeId"
        + " and r.succeededAt is null and r.failedAt is null and r.target = :target and r.nextAttemptAt <= :now"
        + " and (r.lockedUntil is null or r.lockedUntil < :now) order by r.nextAttemptAt")
@NamedQuery(name = "ActionRun.claim", query = "update ActionRun r set r.lockedUntil = :until,"
        + " r.attempts = r.attempts + 1, r.lastAttemptAt = :now where r.id = :id and r.succeededAt is null"
        + " and r.failedAt is null and (r.lockedUntil is null or r.lockedUntil < :now)")
@NamedQuery(name = "ActionRun.release", query = "update ActionRun r set r.lockedUntil = null,"
        + " r.attempts = r.attempts - 1 where r.id = :id and r.lockedUntil = :until and r.succeededAt is null")
@NamedQuery(name = "ActionRun.sendAgain", query = "update ActionRun r set r.failedAt = null, r.attempts = 0,"
        + " r.nextAttemptAt = :now where r.id = :id and r.safeId = :safeId and r.target = :target"
        + " and r.failedAt is not null and r.succeededAt is null")
@NamedQuery(name = "ActionRun.findUnsucceeded", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.succeededAt is null order by r.createdAt")
@NamedQuery(name = "ActionRun.findPending", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.target = :target and r.succeededAt is null and r.failedAt is null order by r.createdAt")
// "given up" is failed_at after the epoch rather than not null: H2 reads the given-up runs' range of
// ix_action_run_failed for that, but every run of the target for IS NOT NULL. MariaDB reads the index backwards for
// the latest first; H2 sorts the given-up runs (naming the index's equal columns in the order too would spare it
// that, but makes MariaDB 10.11 sort instead)
@NamedQuery(name = "ActionRun.findFailed", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.target = :target and r.failedAt > :epoch order by r.failedAt desc")
@NamedQuery(name = "ActionRun.countFailed", query = "select count(r) from ActionRun r where r.safeId = :safeId"
        + " and r.target = :target and r.failedAt > :epoch")
@NamedQuery(name = "ActionRun.findByReference", query = "select r from ActionRun r where r.safeId = :safeId"
        + " and r.kind = :kind and r.reference = :reference and r.target = :target")
public class ActionRun {
    /**
     * Where a completed payment is delivered; each target has its own run of the payment, claimed, retried and
     * succeeded on its own by its own runner.
     */
    public enum Target {
        /**
         * The site's Java {@code PaymentAction} (the {@code action} key or a ServiceLoader entry), or the logging one
         * when none is configured: retried until it succeeds, each claim leased for 5 minutes plus up to one.
         */
        ACTION(Duration.ofMinutes(5), Duration.ofMinutes(1), false),
        /**
         * The webhook's POST to {@code webhook.url} (docs/protocol.md §10): one delivery takes at most 10 s, so a claim
         * is leased for 30 s plus up to 6, and a node killed mid-delivery leaves the event to another node within a
         * minute; given up after {@link #GIVE_UP_AFTER} of failures.
         */
        WEBHOOK(Duration.ofSeconds(30), Duration.ofSeconds(6), true);

        private final Duration lease;
        private final Duration leaseSpread;
        private final boolean givesUp;

        Target(Duration lease, Duration leaseSpread, boolean givesUp) {
            this.lease = lease;
            this.leaseSpread = leaseSpread;
            this.givesUp = givesUp;
        }

        /** How long a claimed run of this target is left to its node before another may take it over. */
        public Duration lease() {
            return lease;
        }

        /**
         * The random part added to each claim's expiry (up to this much), so that the expiry a runner wrote names its
         * claim alone: giving back a claim whose commit it never saw confirmed must not give back another node's
         * claim taken in the same millisecond.
         */
        Duration leaseSpread() {
            return leaseSpread;
        }

        /** Whether a run of this target is given up after {@link #GIVE_UP_AFTER} of failures. */
        public boolean givesUp() {
            return givesUp;
        }
    }

    /**
     * How long a failing run of a target that {@linkplain Target#givesUp() gives up} is retried: docs/protocol.md §10's
     * "at least 3 days", counted in the pauses of the {@link RetrySchedule}.
     */
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /**
     * The failed attempt after which such a run is given up: the first whose preceding pauses add up to
     * {@link #GIVE_UP_AFTER}.
     */
    public static final int GIVE_UP_ATTEMPTS = RetrySchedule.attemptsSpanning(GIVE_UP_AFTER);

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

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private Target target;

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

    @Column(name = "failed_at")
    @Convert(converter = EpochMillisConverter.class)
    private Instant failedAt;

    protected ActionRun() {
    }

    private ActionRun(long safeId, Target target, Kind kind, String reference, Instant now) {
        this.safeId = safeId;
        this.target = target;
        this.kind = kind;
        this.reference = reference;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** The Java action owed from now on. */
    public static ActionRun dueNow(long safeId, Kind kind, String reference, Instant now) {
        return dueNow(safeId, Target.ACTION, kind, reference, now);
    }

    /** A delivery to this target owed from now on. */
    public static ActionRun dueNow(long safeId, Target target, Kind kind, String reference, Instant now) {
        return new ActionRun(safeId, target, kind, reference, now);
    }

    /** The attempt succeeded: the action is done for good. The last error stays, as history for the admin. */
    void succeeded(Instant now) {
        succeededAt = now;
        lockedUntil = null;
    }

    /**
     * The attempt failed: keep why, and try again after a pause that grows with the attempts; or, for a target that
     * gives up, once this was attempt {@link #GIVE_UP_ATTEMPTS}, give up: the run is not due any more.
     *
     * @return whether the run was given up
     */
    boolean failed(Instant now, Throwable error) {
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        lastError = text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
        lockedUntil = null;
        nextAttemptAt = now.plus(RetrySchedule.pauseAfter(attempts));
        if (target.givesUp() && attempts >= GIVE_UP_ATTEMPTS) {
            failedAt = now;
        }
        return failedAt != null;
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Where this run delivers the payment: the Java action or the webhook. */
    public Target target() {
        return target;
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

    /** When a webhook run was given up; not due any more until the admin sends it again. */
    public Optional<Instant> failedAt() {
        return Optional.ofNullable(failedAt);
    }
}
