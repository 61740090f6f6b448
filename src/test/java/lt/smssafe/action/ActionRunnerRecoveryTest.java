package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.OwedPayments;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.testing.FailingDataSource;
import lt.smssafe.testing.FailingDataSource.Step;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goes away between claiming a run and calling its action: the payment waits for the database, not
 * for the claim's 5-minute lease. The first round after the database is back runs it — at the same instant, so no
 * lease and no retry pause can have passed — once, with one attempt counted and no error kept.
 */
class ActionRunnerRecoveryTest {
    private static final long SAFE = 7;
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    /** Where the database goes away. */
    enum Failure {
        /** The claim committed, but its commit's answer was lost: the runner does not know it holds the run. */
        CLAIM_COMMIT_UNCONFIRMED(ActionRunnerRecoveryTest::isClaim, Step.COMMIT_UNCONFIRMED),
        /** The claim's commit failed: nothing was kept. */
        CLAIM_COMMIT_LOST(ActionRunnerRecoveryTest::isClaim, Step.COMMIT_LOST),
        /** The claim committed; loading the claimed run failed. */
        LOAD(sql -> sql.startsWith("select") && sql.contains("from smssafe_action_run")
                && sql.matches("(?s).*where \\w+\\.id=\\?.*"), Step.STATEMENT),
        /** The claim committed and the run loaded; looking its payment up failed. */
        LOOKUP(sql -> sql.startsWith("select") && sql.contains("from smssafe_session"), Step.STATEMENT);

        final Predicate<String> statement;
        final Step step;

        Failure(Predicate<String> statement, Step step) {
            this.statement = statement;
            this.step = step;
        }
    }

    private final MutableClock clock = new MutableClock(START);
    private FailingDataSource failing;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static boolean isClaim(String sql) {
        return sql.startsWith("update smssafe_action_run") && sql.replace(" ", "").contains("attempts+1");
    }

    /** One closed session on an embedded database behind {@link #failing}; returns its code. */
    private String closeSession() {
        HikariDataSource pool = TestDatabases.H2.openEmpty();
        new SchemaMigrations(pool).migrate();
        failing = new FailingDataSource(pool);
        database = Database.open(failing, pool, DatabaseBootstrap.ENTITIES);
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(1), Duration.ZERO,
                Language.EN, clock, new SecureRandom(), () -> { });
        return processor.process(new MessageValues(SAFE, "m-1", "37061000001", "lt", "bite_lt", "1337", "order-1",
                new BigDecimal("1.45"), "EUR", START.getEpochSecond())).closedSession().orElseThrow().value();
    }

    private ActionRun run(String code) {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findByReference", ActionRun.class)
                .setParameter("safeId", SAFE).setParameter("kind", ActionRun.Kind.SMS_SESSION)
                .setParameter("reference", code).setParameter("target", ActionRun.Target.ACTION).getSingleResult());
    }

    /**
     * One round that meets the outage, and one more while it lasts, as the polls do. A round that does not return
     * within 5 s is waiting for the database to record something: the database comes back for it, as it would.
     */
    private void roundWhileTheDatabaseIsAway(ActionRunner runner) throws InterruptedException {
        Thread rounds = new Thread(() -> {
            runner.runDueSafely();
            assertThat(failing.isDown()).isTrue();
            runner.runDueSafely();
        });
        rounds.setDaemon(true);
        rounds.start();
        rounds.join(5_000);
        if (rounds.isAlive()) {
            failing.restore();
            rounds.join();
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void theFirstRoundAfterTheDatabaseIsBackRunsTheOwedActionOnce(Failure failure) throws InterruptedException {
        String code = closeSession();
        AtomicInteger calls = new AtomicInteger();
        ActionRunner runner = new ActionRunner(database, SAFE, session -> calls.incrementAndGet(), clock,
                new OwedPayments());

        failing.failAt(failure.statement, failure.step);
        roundWhileTheDatabaseIsAway(runner);
        assertThat(calls).as("nothing runs while the database is away").hasValue(0);

        failing.restore();
        runner.runDueSafely();

        assertThat(calls).as("run by the first round after the database is back").hasValue(1);
        ActionRun run = run(code);
        assertThat(run.succeededAt()).contains(START);
        assertThat(run.attempts()).as("the attempt the database cut short is not counted").isEqualTo(1);
        assertThat(run.lastError()).as("the database's absence is not the action's failure").isEmpty();
        assertThat(runner.runDue()).isZero();
        assertThat(calls).hasValue(1);
        runner.close();
    }

    @Test
    void aClaimGivenBackIsOnlyEverTheRunnersOwnNotAnotherNodesTakenAtTheSameInstant() {
        String code = closeSession();
        AtomicInteger calls = new AtomicInteger();
        ActionRunner first = new ActionRunner(database, SAFE, session -> calls.incrementAndGet(), clock,
                new OwedPayments());
        failing.failAt(Failure.CLAIM_COMMIT_LOST.statement, Failure.CLAIM_COMMIT_LOST.step);
        first.runDueSafely();
        assertThat(failing.isDown()).isTrue();
        failing.restore();
        // another node claims the run at the same instant; while its action runs, the first node comes back and
        // gives back what it thinks may be its claim: the other node's claim must stay, and the action run once
        ActionRunner second = new ActionRunner(database, SAFE, session -> {
            calls.incrementAndGet();
            first.runDueSafely();
        }, clock, new OwedPayments());

        assertThat(second.runDue()).isEqualTo(1);

        assertThat(calls).hasValue(1);
        assertThat(run(code).succeededAt()).contains(START);
        assertThat(run(code).attempts()).isEqualTo(1);
        first.close();
        second.close();
    }
}
