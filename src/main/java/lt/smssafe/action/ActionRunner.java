package lt.smssafe.action;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.logging.LogText;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.TransactionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the payment action for every payment that is owed one, on its own thread, never on a request thread.
 *
 * <p>A run is claimed with a conditional update that also counts the attempt, so that nodes sharing the database
 * do not run it at once, and a node that dies mid-attempt leaves a claim that expires after {@link #LEASE}. A claim
 * whose action this runner did not call because the database went away (the claim's commit, the run's load or the
 * payment's look-up failed) is given back as soon as the database answers again, so that the payment waits for the
 * database and not for the lease. The runner wakes when told that a payment completed, and polls for retries that
 * fell due, for runs left behind, and for the database's return.
 */
public final class ActionRunner implements ActionWakeUp, AutoCloseable {
    /** How long a claimed run is left to its node before another may take it over (plus up to a minute, below). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * A random part added to each claim's expiry, so that the expiry this runner wrote names its claim alone: giving
     * back a claim whose commit it never saw confirmed must not give back another node's claim taken in the same
     * millisecond. Two claims of one run in one millisecond with one offset of these: one chance in 60,000.
     */
    private static final long LEASE_SPREAD_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
    private static final int BATCH = 50;
    /** The longest pause between tries to record an attempt's outcome while the database is away. */
    private static final Duration RECORD_PAUSE_MAX = Duration.ofSeconds(10);

    private final Database database;
    private final long safeId;
    private final PaymentAction action;
    private final Clock clock;
    private final PaymentLookup payments;
    private final ScheduledExecutorService executor;
    private final LongAdder succeeded = new LongAdder();
    /** Set by {@link #close()}: an outcome still waiting for the database is left to the claim's expiry. */
    private volatile boolean closing;
    /** Wake-ups and polls that found the database away since the outage began; 0 while it answers. */
    private final java.util.concurrent.atomic.AtomicLong missedDuringOutage = new java.util.concurrent.atomic.AtomicLong();
    private final LongAdder failed = new LongAdder();
    /**
     * Claims this runner took (or may have taken: the commit's outcome was lost with the connection) whose action it
     * has not called, by run id, with the expiry it wrote. Given back at the start of the next round; a claim whose
     * action was called is never given back: its outcome is recorded by {@link #recordOutcome}.
     */
    private final Map<Long, Instant> uncalledClaims = new ConcurrentHashMap<>();

    /**
     * A runner that does nothing until {@link #start(Duration)}.
     *
     * @param payments how each kind of payment is found from a run's reference
     */
    public ActionRunner(Database database, long safeId, PaymentAction action, Clock clock, PaymentLookup payments) {
        this.database = database;
        this.safeId = safeId;
        this.action = action;
        this.clock = clock;
        this.payments = payments;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smssafe-payment-action");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling for due runs every {@code pollInterval}. */
    public void start(Duration pollInterval) {
        executor.scheduleWithFixedDelay(this::runDueSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A payment just completed: run what is due now rather than at the next poll. */
    @Override
    public void wake() {
        if (!executor.isShutdown()) {
            executor.execute(this::runDueSafely);
        }
    }

    /** Runs what is due now, as a poll or a wake-up does: failures are logged, not thrown. */
    void runDueSafely() {
        try {
            runDue();
            long missed = missedDuringOutage.getAndSet(0);
            if (missed > 0) {
                LOG.info("sms:safe payment actions run again: the database is back after {} attempts failed",
                        missed);
            }
        } catch (DatabaseUnavailableException | TransactionConflictException e) {
            // one line when an outage starts and one when it ends: every wake-up in between is only counted
            if (missedDuringOutage.getAndIncrement() == 0) {
                LOG.warn("sms:safe payment actions wait for the database ({}); they run again once it is back",
                        e.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("sms:safe payment actions not run now because of a defect", e);
        }
    }

    /** Runs every run that is due now, one after another; returns how many were attempted. */
    public int runDue() {
        releaseUncalledClaims();
        Instant now = clock.instant();
        List<Long> due = database.inTransaction(em -> em.createNamedQuery("ActionRun.findDue", Long.class)
                .setParameter("safeId", safeId).setParameter("now", now)
                .setMaxResults(BATCH).getResultList());
        int attempted = 0;
        for (long id : due) {
            Instant claim = claim(id);
            if (claim != null) {
                attempt(id, claim);
                attempted++;
            }
        }
        return attempted;
    }

    /**
     * Gives back the claims whose action this runner never called, where each is still this runner's (its expiry is
     * the one this runner wrote) and the run has not succeeded: the attempt is uncounted and the run is due at once,
     * for this node or another. A claim that never committed, or that expired and was taken by another node, is left
     * as it is.
     *
     * @throws DatabaseUnavailableException while the database is still away; the claims are kept for the next round
     */
    private void releaseUncalledClaims() {
        for (Map.Entry<Long, Instant> claim : uncalledClaims.entrySet()) {
            int released = database.inRetriedTransaction(em -> em.createNamedQuery("ActionRun.release")
                    .setParameter("id", claim.getKey()).setParameter("until", claim.getValue()).executeUpdate());
            uncalledClaims.remove(claim.getKey(), claim.getValue());
            LOG.debug("sms:safe payment action run {}: {} claim whose action was not called given back", claim.getKey(),
                    released);
        }
    }

    /**
     * Claims the run for this node. Two nodes claiming at once on one database: the second update finds the claim
     * taken and changes nothing. On a Galera cluster both updates may succeed on their own nodes and one commit then
     * fails certification: that node did not get the claim, which is all that failure means here.
     */
    private Instant claim(long id) {
        Instant now = clock.instant();
        Instant until = now.plus(LEASE).plusMillis(ThreadLocalRandom.current().nextLong(LEASE_SPREAD_MILLIS))
                .truncatedTo(ChronoUnit.MILLIS);
        try {
            return database.inTransaction(em -> em.createNamedQuery("ActionRun.claim")
                    .setParameter("until", until).setParameter("now", now).setParameter("id", id)
                    .executeUpdate()) == 1 ? until : null;
        } catch (TransactionConflictException e) {
            return null;
        } catch (DatabaseUnavailableException e) {
            // the commit may have reached the database before the connection was lost
            uncalledClaims.put(id, until);
            throw e;
        }
    }

    /**
     * Loads the claimed run and its payment, and calls the action. The database's absence is not the action's
     * failure: the claim is given back once the database answers. A payment that cannot be found (gone, or a defect
     * in its look-up) is the attempt's failure, kept for the admin and retried on the schedule.
     */
    private void attempt(long id, Instant claim) {
        ActionRun run;
        try {
            run = database.inTransaction(em -> em.find(ActionRun.class, id));
        } catch (DatabaseUnavailableException | TransactionConflictException e) {
            uncalledClaims.put(id, claim);
            throw e;
        }
        OwedPayment payment = null;
        Throwable failure = null;
        try {
            payment = lookUp(run).orElseThrow(
                    () -> new IllegalStateException(run.kind() + " " + run.reference() + " is gone"));
        } catch (DatabaseUnavailableException | TransactionConflictException e) {
            uncalledClaims.put(id, claim);
            throw e;
        } catch (RuntimeException e) {
            // the payment is gone, or its look-up has a defect: this attempt's failure, kept for the admin
            failure = e;
        }
        if (payment != null) {
            try {
                // from here on the action may have run: whatever it throws is its attempt's outcome
                payment.deliverTo(action);
            } catch (Exception | LinkageError e) {
                failure = e;
            }
        }
        Throwable outcome = failure;
        recordOutcome(id, outcome);
        (outcome == null ? succeeded : failed).increment();
        if (outcome == null) {
            LOG.info("sms:safe payment action for {} {} succeeded (attempt {})", run.kind(), run.reference(),
                    run.attempts());
        } else {
            LOG.warn("sms:safe payment action for {} {} failed (attempt {}), will retry: {}", run.kind(),
                    run.reference(), run.attempts(), LogText.of(outcome.toString()));
        }
    }

    private Optional<? extends OwedPayment> lookUp(ActionRun run) {
        return database.inTransaction(em -> payments.find(em, safeId, run.kind(), run.reference()));
    }

    /**
     * Records how the attempt went, however long the database is away: the action has run, and if its success were
     * not recorded, another attempt would run it again once the claim expires. Only a stopping runner gives up; the
     * claim then lets another node or the next start take the run over, as after a crash.
     */
    private void recordOutcome(long id, Throwable outcome) {
        Duration pause = Duration.ofMillis(250);
        for (boolean said = false; ; ) {
            try {
                database.inRetriedTransaction(em -> record(em, id, outcome));
                if (said) {
                    LOG.info("sms:safe payment action run {} recorded now that the database is back", id);
                }
                return;
            } catch (DatabaseUnavailableException e) {
                if (!said) {
                    LOG.warn("sms:safe payment action run {} ran; recording it waits for the database: {}", id,
                            e.toString());
                    said = true;
                }
                if (closing) {
                    throw e;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(RECORD_PAUSE_MAX) > 0 ? RECORD_PAUSE_MAX : pause.multipliedBy(2);
            }
        }
    }

    private Void record(EntityManager em, long id, Throwable failure) {
        ActionRun run = em.find(ActionRun.class, id);
        if (failure == null) {
            run.succeeded(clock.instant());
        } else {
            run.failed(clock.instant(), failure);
        }
        return null;
    }

    /** Attempts of this node's runner that succeeded since it started. */
    public long succeededAttempts() {
        return succeeded.sum();
    }

    /** Attempts of this node's runner that failed (the action threw) since it started. */
    public long failedAttempts() {
        return failed.sum();
    }

    /**
     * Stops the runner; an action in progress is interrupted and its run retried later. Claims whose action was not
     * called are given back if the database answers, else left to expire.
     */
    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("sms:safe payment action still running after 10 s at shutdown");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            releaseUncalledClaims();
        } catch (RuntimeException e) {
            LOG.info("sms:safe payment actions: {} claims not given back at shutdown expire in {} minutes ({})",
                    uncalledClaims.size(), LEASE.toMinutes(), e.toString());
        }
    }
}
