package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import lt.smssafe.OwedPayments;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.i18n.Language;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The payment-action runner on real databases: retries with growing pauses, a run cut short by a crash is taken
 * over once its claim expires, and two nodes sharing the database run every action exactly once.
 */
class ActionRunnerTest {
    private static final long SAFE = 99;
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Closes {@code count} one-message sessions and returns their codes. */
    private List<String> closeSessions(TestDatabases kind, int count) {
        database = kind.openMigrated();
        MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(1),
                Duration.ZERO, Language.EN, clock, new SecureRandom(), () -> { });
        return IntStream.range(0, count).mapToObj(i -> processor.process(new MessageValues(SAFE, "a-" + i,
                        String.valueOf(37063000000L + i), "lt", "bite_lt", "1337", "order-" + i,
                        new java.math.BigDecimal("2.00"), "EUR", START.getEpochSecond()))
                .closedSession().orElseThrow().value()).toList();
    }

    private ActionRun run(String code) {
        return database.inTransaction(em -> em.createNamedQuery("ActionRun.findByReference", ActionRun.class)
                .setParameter("safeId", SAFE).setParameter("kind", ActionRun.Kind.SMS_SESSION)
                .setParameter("reference", code).setParameter("target", ActionRun.Target.ACTION).getSingleResult());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aFailingActionIsRetriedAfterGrowingPausesUntilItSucceeds(TestDatabases kind) {
        String code = closeSessions(kind, 1).get(0);
        AtomicInteger calls = new AtomicInteger();
        List<ClosedSession> received = new CopyOnWriteArrayList<>();
        ActionRunner runner = new ActionRunner(database, SAFE, session -> {
            received.add(session);
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("shop down, call " + calls.get());
            }
        }, clock, new OwedPayments());

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(run(code).lastError()).contains("java.lang.IllegalStateException: shop down, call 1");
        assertThat(run(code).nextAttemptAt()).isEqualTo(START.plusSeconds(1));
        assertThat(runner.runDue()).as("not before its pause is over").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(run(code).nextAttemptAt()).as("the pause doubled").isEqualTo(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        runner.runDue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(runner.runDue()).as("4 s pause not over after 3 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.runDue()).isEqualTo(1);

        ActionRun done = run(code);
        assertThat(done.attempts()).isEqualTo(4);
        assertThat(done.succeededAt()).isPresent();
        assertThat(done.lastError()).as("kept as history").contains("java.lang.IllegalStateException: shop down, call 3");
        clock.advance(Duration.ofHours(2));
        assertThat(runner.runDue()).as("never again once it succeeded").isZero();
        assertThat(received).extracting(ClosedSession::code).containsOnly(code);
        assertThat(received.get(0).total()).isEqualByComparingTo("2.00");
        assertThat(received.get(0).content()).isEqualTo("order-0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRunClaimedByANodeThatDiedIsTakenOverWhenItsClaimExpires(TestDatabases kind) {
        String code = closeSessions(kind, 1).get(0);
        // a node claims the run and dies before recording anything
        int claimed = database.inTransaction(em -> em.createNamedQuery("ActionRun.claim")
                .setParameter("until", clock.instant().plus(ActionRunner.LEASE)).setParameter("now", clock.instant())
                .setParameter("id", run(code).id()).executeUpdate());
        assertThat(claimed).isEqualTo(1);
        List<String> calls = new CopyOnWriteArrayList<>();
        ActionRunner survivor = new ActionRunner(database, SAFE, session -> calls.add(session.code()), clock, new OwedPayments());

        assertThat(survivor.runDue()).as("the claim still holds").isZero();
        clock.advance(ActionRunner.LEASE.plusSeconds(1));
        assertThat(survivor.runDue()).isEqualTo(1);

        assertThat(calls).containsExactly(code);
        assertThat(run(code).attempts()).as("the attempt cut short counts").isEqualTo(2);
        assertThat(run(code).succeededAt()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoNodesSharingTheDatabaseRunEveryActionExactlyOnce(TestDatabases kind) {
        List<String> codes = closeSessions(kind, 40);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        PaymentAction counting = session -> calls.computeIfAbsent(session.code(), c -> new AtomicInteger())
                .incrementAndGet();
        ActionRunner nodeA = new ActionRunner(database, SAFE, counting, clock, new OwedPayments());
        ActionRunner nodeB = new ActionRunner(database, SAFE, counting, clock, new OwedPayments());

        List<Integer> attempted = Concurrently.run(4, i -> () -> (i % 2 == 0 ? nodeA : nodeB).runDue());

        assertThat(attempted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(calls.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }
}
