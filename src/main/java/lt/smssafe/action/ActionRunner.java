package lt.smssafe.action;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lt.smssafe.persistence.Database;
import lt.smssafe.session.PaymentSession;
import lt.smssafe.billing.BilledTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the payment action for every payment that is owed one, on its own thread, never on a request thread.
 *
 * <p>A run is claimed with a conditional update that also counts the attempt, so that nodes sharing the database
 * do not run it at once, and a node that dies mid-attempt leaves a claim that expires after {@link #LEASE}. The
 * runner wakes when told that a payment completed, and polls for retries that fell due and for runs left behind.
 */
public final class ActionRunner implements AutoCloseable {
    /** How long a claimed run is left to its node before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
    private static final int BATCH = 50;

    private final Database database;
    private final long safeId;
    private final PaymentAction action;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /** A runner that does nothing until {@link #start(Duration)}. */
    public ActionRunner(Database database, long safeId, PaymentAction action, Clock clock) {
        this.database = database;
        this.safeId = safeId;
        this.action = action;
        this.clock = clock;
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
    public void wake() {
        if (!executor.isShutdown()) {
            executor.execute(this::runDueSafely);
        }
    }

    private void runDueSafely() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // the database may be away; the next poll tries again
            LOG.warn("sms:safe payment actions not run now: {}", e.toString());
        }
    }

    /** Runs every run that is due now, one after another; returns how many were attempted. */
    public int runDue() {
        Instant now = clock.instant();
        List<Long> due = database.inTransaction(em -> em.createNamedQuery("ActionRun.findDue", Long.class)
                .setParameter("safeId", safeId).setParameter("now", now)
                .setMaxResults(BATCH).getResultList());
        int attempted = 0;
        for (long id : due) {
            if (claim(id)) {
                attempt(id);
                attempted++;
            }
        }
        return attempted;
    }

    private boolean claim(long id) {
        Instant now = clock.instant();
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.claim")
                .setParameter("until", now.plus(LEASE)).setParameter("now", now).setParameter("id", id)
                .executeUpdate()) == 1;
    }

    private void attempt(long id) {
        ActionRun run = database.inTransaction(em -> em.find(ActionRun.class, id));
        Throwable failure = null;
        try {
            call(run);
        } catch (Exception | LinkageError e) {
            failure = e;
        }
        Throwable outcome = failure;
        database.inTransaction(em -> record(em, id, outcome));
        if (outcome == null) {
            LOG.info("sms:safe payment action for {} {} succeeded (attempt {})", run.kind(), run.reference(),
                    run.attempts());
        } else {
            LOG.warn("sms:safe payment action for {} {} failed (attempt {}), will retry: {}", run.kind(),
                    run.reference(), run.attempts(), outcome.toString());
        }
    }

    private void call(ActionRun run) throws Exception {
        switch (run.kind()) {
            case SMS_SESSION -> action.sessionClosed(closedSession(run.reference()));
            case MBS_TRANSACTION -> action.transactionCommitted(committedTransaction(run.reference()));
        }
    }

    private CommittedTransaction committedTransaction(String reference) {
        String[] ids = reference.split(":");
        return database.inTransaction(em -> em.createNamedQuery("BilledTransaction.find", BilledTransaction.class)
                .setParameter("serviceId", Long.parseLong(ids[0]))
                .setParameter("transactionId", Long.parseLong(ids[1]))
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("transaction " + reference + " is gone")))
                .committed();
    }

    private ClosedSession closedSession(String code) {
        Optional<PaymentSession> session = database.inTransaction(em -> em
                .createNamedQuery("PaymentSession.findByCode", PaymentSession.class)
                .setParameter("safeId", safeId)
                .setParameter("code", code)
                .getResultStream().findFirst());
        PaymentSession s = session.orElseThrow(() -> new IllegalStateException("session " + code + " is gone"));
        return new ClosedSession(s.code().value(), s.safeId(), s.msisdn(), s.country(), s.provider(), s.content(),
                s.receivedMessages(), s.total(), s.currency(), s.openedAt(), s.closedAt().orElseThrow());
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

    /** Stops the runner; an action in progress is interrupted and its run retried later. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("sms:safe payment action still running after 10 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
