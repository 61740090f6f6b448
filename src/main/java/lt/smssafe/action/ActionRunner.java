package lt.smssafe.action;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Calls the payment action of one {@link ActionRun.Target} — the Java action, or the webhook — for every payment that
 * is owed one, on its own thread, never on a request thread; each target has its own runner, so a slow webhook
 * receiver never delays the Java action.
 *
 * <p>A run is claimed with a conditional update that also counts the attempt, so that nodes sharing the database
 * do not run it at once, and a node that dies mid-attempt leaves a claim that expires after its target's
 * {@linkplain ActionRun.Target#lease() lease}. A claim whose action this runner did not call because the database
 * went away (the claim's commit, the run's load or the payment's look-up failed) is given back as soon as the
 * database answers again, so that the payment waits for the database and not for the lease. The runner wakes when
 * told that a payment completed, and polls for retries that fell due, for runs left behind, and for the database's
 * return. A run of a target that {@linkplain ActionRun.Target#givesUp() gives up} is given up after
 * {@link ActionRun#GIVE_UP_ATTEMPTS} failed attempts, until {@link #sendAgain}.
 */
public final class ActionRunner implements ActionWakeUp, AutoCloseable {
    /** How long a claimed run of the Java action is left to its node before another may take it over (plus 0–60 s). */
    static final Duration LEASE = ActionRun.Target.ACTION.lease();
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
    private static final int BATCH = 50;
    /** The longest pause between tries to record an attempt's outcome while the database is away. */
    private static final Duration RECORD_PAUSE_MAX = Duration.ofSeconds(10);

    private final Database database;
    private final long safeId;
    private final ActionRun.Target target;
    /** What the log lines call an attempt of this target. */
    private final String noun;
    private final PaymentAction action;
    private final Clock clock;
    private final PaymentLookup payments;
    private final ScheduledExecutorService executor;
    private final LongAdder succeeded = new LongAdder();
    /** How often a started runner polls; a retry due sooner is woken for (zero until {@link #start}). */
    private volatile Duration pollInterval = Duration.ZERO;
    /** Set by {@link #close()}: an outcome still waiting for the database is left to the claim's expiry. */
    private volatile boolean closing;
    /** Wake-ups and polls that found the database away since the outage began; 0 while it answers. */
    private final java.util.concurrent.atomic.AtomicLong missedDuringOutage = new java.util.concurrent.atomic.AtomicLong();
    private final LongAdder failed = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    /**
     * Claims this runner took (or may have taken: the commit's outcome was lost with the connection) whose action it
     * has not called, by run id, with the expiry it wrote. Given back at the start of the next round; a claim whose
     * action was called is never given back: its outcome is recorded by {@link #recordOutcome}.
     */
    private final Map<Long, Instant> uncalledClaims = new ConcurrentHashMap<>();

    /**
     * The Java action's runner, which does nothing until {@link #start(Duration)}.
     *
     * @param payments how each kind of payment is found from a run's reference
     */
    public ActionRunner(Database database, long safeId, PaymentAction action, Clock clock, PaymentLookup payments) {
        this(database, safeId, ActionRun.Target.ACTION, action, clock, payments);
    }

    /**
     * The runner of this target's runs, calling {@code action} for each, which does nothing until
     * {@link #start(Duration)}.
     *
     * @param payments how each kind of payment is found from a run's reference
     */
    public ActionRunner(Database database, long safeId, ActionRun.Target target, PaymentAction action, Clock clock,
            PaymentLookup payments) {
        this.database = database;
        this.safeId = safeId;
        this.target = target;
        this.noun = target == ActionRun.Target.WEBHOOK ? "webhook" : "payment action";
        this.action = action;
        this.clock = clock;
        this.payments = payments;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, target == ActionRun.Target.WEBHOOK ? "smssafe-webhook"
                    : "smssafe-payment-action");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The one target whose runs this runner claims. */
    public ActionRun.Target target() {
        return target;
    }

    /** A payment completed with this runner alone: it owes a run to this runner's target. */
    @Override
    public Set<ActionRun.Target> targets() {
        return Set.of(target);
    }

    /** Starts polling for due runs every {@code pollInterval}. */
    public void start(Duration pollInterval) {
        this.pollInterval = pollInterval;
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
                LOG.info("sms:safe {}s run again: the database is back after {} attempts failed", noun, missed);
            }
        } catch (DatabaseUnavailableException | TransactionConflictException e) {
            // one line when an outage starts and one when it ends: every wake-up in between is only counted
            if (missedDuringOutage.getAndIncrement() == 0) {
                LOG.warn("sms:safe {}s wait for the database ({}); they run again once it is back", noun,
                        e.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("sms:safe {}s not run now because of a defect", noun, e);
        }
    }

    /** Runs every run that is due now, one after another; returns how many were attempted. */
    public int runDue() {
        releaseUncalledClaims();
        Instant now = clock.instant();
        List<Long> due = database.inTransaction(em -> em.createNamedQuery("ActionRun.findDue", Long.class)
                .setParameter("safeId", safeId).setParameter("target", target).setParameter("now", now)
                .setMaxResults(BATCH).getResultList());
        int attempted = 0;
        for (long id : due) {
            if (closing) {
                // stopping: the rest stay due for another node or the next start
                break;
            }
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
            LOG.debug("sms:safe {} run {}: {} claim whose action was not called given back", noun, claim.getKey(),
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
        Instant until = now.plus(target.lease())
                .plusMillis(ThreadLocalRandom.current().nextLong(target.leaseSpread().toMillis()))
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
        boolean gaveUp = recordOutcome(id, outcome);
        (outcome == null ? succeeded : failed).increment();
        if (outcome == null) {
            LOG.info("sms:safe {} for {} {} succeeded (attempt {})", noun, run.kind(), run.reference(),
                    run.attempts());
        } else if (gaveUp) {
            givenUp.increment();
            LOG.warn("sms:safe {} for {} {} failed (attempt {}) and is given up after {} days of retries; the admin"
                    + " can send it again: {}", noun, run.kind(), run.reference(), run.attempts(),
                    ActionRun.GIVE_UP_AFTER.toDays(), LogText.of(outcome.toString()));
        } else {
            LOG.warn("sms:safe {} for {} {} failed (attempt {}), will retry: {}", noun, run.kind(),
                    run.reference(), run.attempts(), LogText.of(outcome.toString()));
            wakeAfter(RetrySchedule.pauseAfter(run.attempts()));
        }
    }

    /**
     * Runs what is due once this pause, the one the failure just recorded, is over, when that comes before the next
     * poll: the first pauses (1 s, 2 s, 4 s) are shorter than the poll's interval.
     */
    private void wakeAfter(Duration pause) {
        if (pause.compareTo(pollInterval) < 0 && !executor.isShutdown()) {
            try {
                executor.schedule(this::runDueSafely, pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // closing: the run stays due for another node or the next start
            }
        }
    }

    private Optional<? extends OwedPayment> lookUp(ActionRun run) {
        return database.inTransaction(em -> payments.find(em, safeId, run.kind(), run.reference()));
    }

    /**
     * Records how the attempt went, however long the database is away: the action has run, and if its success were
     * not recorded, another attempt would run it again once the claim expires. Only a stopping runner gives up; the
     * claim then lets another node or the next start take the run over, as after a crash.
     *
     * @return whether the run failed and was given up
     */
    private boolean recordOutcome(long id, Throwable outcome) {
        Duration pause = Duration.ofMillis(250);
        for (boolean said = false; ; ) {
            try {
                boolean gaveUp = database.inRetriedTransaction(em -> record(em, id, outcome));
                if (said) {
                    LOG.info("sms:safe {} run {} recorded now that the database is back", noun, id);
                }
                return gaveUp;
            } catch (DatabaseUnavailableException e) {
                if (!said) {
                    LOG.warn("sms:safe {} run {} ran; recording it waits for the database: {}", noun, id,
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

    private boolean record(EntityManager em, long id, Throwable failure) {
        ActionRun run = em.find(ActionRun.class, id);
        if (failure == null) {
            run.succeeded(clock.instant());
            return false;
        }
        return run.failed(clock.instant(), failure);
    }

    /**
     * The admin's "send again" of a run of this target that was given up: its attempts start again from 0 and it is
     * due now; this runner is woken to run it. Its last error stays, as history.
     *
     * @return whether the run was this safe's and target's, given up, and is due again now; false for any other id
     */
    public boolean sendAgain(long runId) {
        int reset = database.inRetriedTransaction(em -> em.createNamedQuery("ActionRun.sendAgain")
                .setParameter("now", clock.instant()).setParameter("id", runId).setParameter("safeId", safeId)
                .setParameter("target", target).executeUpdate());
        if (reset == 1) {
            LOG.info("sms:safe {} run {} sent again by the admin", noun, runId);
            wake();
        }
        return reset == 1;
    }

    /** Attempts of this node's runner that succeeded since it started. */
    public long succeededAttempts() {
        return succeeded.sum();
    }

    /** Attempts of this node's runner that failed (the action threw) since it started. */
    public long failedAttempts() {
        return failed.sum();
    }

    /** Runs this node's runner gave up since it started (their last attempt is also among the failed ones). */
    public long givenUpRuns() {
        return givenUp.sum();
    }

    /**
     * Starts stopping without waiting: no run is claimed any more, and the thread is interrupted. {@link #close()}
     * then waits for an action in progress; {@link ActionRunners} stops every runner before it waits for any.
     */
    void stop() {
        closing = true;
        executor.shutdownNow();
    }

    /**
     * Stops the runner; an action in progress is interrupted and its run retried later. Claims whose action was not
     * called are given back if the database answers, else left to expire.
     */
    @Override
    public void close() {
        stop();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("sms:safe {} still running after 10 s at shutdown", noun);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            releaseUncalledClaims();
        } catch (RuntimeException e) {
            LOG.info("sms:safe {}s: {} claims not given back at shutdown expire in {} s ({})", noun,
                    uncalledClaims.size(), target.lease().toSeconds(), e.toString());
        }
    }
}
