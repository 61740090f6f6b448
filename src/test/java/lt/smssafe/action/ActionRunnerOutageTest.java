package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.OwedPayments;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.testing.LogCapture;
import lt.smssafe.testing.MariaDbServer;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the database is away the payment-action runner says so once, counts the wake-ups it cannot serve, and says
 * once that it runs again when the database is back: the wake-ups of an outage are not a line each.
 */
class ActionRunnerOutageTest {
    private final MariaDbServer server = MariaDbServer.get();
    private final LogCapture log = LogCapture.of(ActionRunner.class);
    private Database database;

    @AfterEach
    void restart() {
        log.stop();
        server.restart();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anOutageIsOneLineWhenItStartsAndOneWhenItEnds() throws Exception {
        database = TestDatabases.MARIADB.openMigrated();
        ActionRunner runner = new ActionRunner(database, 1, new LoggingPaymentAction(), Clock.systemUTC(),
                new OwedPayments());
        log.start();

        server.stop();
        // each attempt waits out the pool's connection timeout: a few wake-ups are enough to show the counting
        for (int i = 0; i < 4; i++) {
            runner.runDueSafely();
        }
        server.restart();
        MariaDbServer.awaitDatabase(database);
        runner.runDueSafely();
        runner.runDueSafely();

        List<String> lines = log.records().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r.getLevel() + " " + r.getMessage()).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("WARNING sms:safe payment actions wait for the database");
        assertThat(lines.get(1)).isEqualTo("INFO sms:safe payment actions run again: the database is back after 4"
                + " attempts failed");
        runner.close();
    }

    @Test
    void anActionWhoseSuccessCannotBeRecordedIsRecordedOnceTheDatabaseIsBackAndNeverRunsTwice() throws Exception {
        database = TestDatabases.MARIADB.openMigrated();
        MessageProcessor processor = new MessageProcessor(database, 1, MessageCount.fixed(1), java.time.Duration.ZERO,
                Language.EN, Clock.systemUTC(), new java.security.SecureRandom(), () -> { });
        String code = processor.process(new MessageValues(1, "down-1", "37069000001", "lt", "bite_lt", "1337",
                "order-down", new java.math.BigDecimal("1.45"), "EUR", 1)).closedSession().orElseThrow().value();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PaymentAction stopsTheDatabase = new PaymentAction() {
            @Override
            public void sessionClosed(ClosedSession session) {
                calls.incrementAndGet();
                // the action has run; the database dies before its success is recorded, and is back 3 s later
                server.stopFor(java.time.Duration.ofSeconds(3), () -> { });
            }
        };
        ActionRunner runner = new ActionRunner(database, 1, stopsTheDatabase, Clock.systemUTC(),
                new OwedPayments());

        long started = System.nanoTime();
        assertThat(runner.runDue()).isEqualTo(1);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        List<List<Object>> run = database.inTransaction(em -> em.createQuery("select r.attempts, r.succeededAt"
                + " from ActionRun r where r.reference = :code", Object[].class).setParameter("code", code)
                .getResultList().stream().map(List::of).toList());
        assertThat(run).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo(1);
            assertThat(row.get(1)).as("success recorded").isNotNull();
        });
        assertThat(seconds).as("recorded once the database was back, not when the 5-minute claim expired")
                .isLessThan(60);
        assertThat(runner.runDue()).isZero();
        assertThat(calls).hasValue(1);
        runner.close();
    }

    /**
     * A burst of payments, and the database killed right after the commit of a claim, before the runner loads the
     * claimed run: that claim is in the database, the runner never called its action. The database is back 3 s later;
     * every owed action runs within 30 s of its return (the poll is the application's, 5 s), none twice.
     */
    @Test
    void aDatabaseKilledMidBurstRunsEveryOwedActionWithin30SecondsOfItsReturnAndNoneTwice() throws Exception {
        com.zaxxer.hikari.HikariDataSource pool = TestDatabases.MARIADB.openEmpty();
        new lt.smssafe.persistence.SchemaMigrations(pool).migrate();
        lt.smssafe.testing.FailingDataSource killable = new lt.smssafe.testing.FailingDataSource(pool);
        database = Database.open(killable, pool, DatabaseBootstrap.ENTITIES);
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> calls =
                new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong lastCall = new java.util.concurrent.atomic.AtomicLong();
        ActionRunner runner = new ActionRunner(database, 1, session -> {
            calls.computeIfAbsent(session.code(), code -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            lastCall.set(System.nanoTime());
        }, Clock.systemUTC(), new OwedPayments());
        MessageProcessor processor = new MessageProcessor(database, 1, MessageCount.fixed(1), java.time.Duration.ZERO,
                Language.EN, Clock.systemUTC(), new java.security.SecureRandom(), runner);
        java.util.concurrent.atomic.AtomicInteger claims = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong backAt = new java.util.concurrent.atomic.AtomicLong();
        killable.afterCommitOf(sql -> sql.startsWith("update smssafe_action_run")
                && sql.replace(" ", "").contains("attempts+1") && claims.incrementAndGet() == 5, () -> {
                    System.out.printf("[test] MariaDB killed after the commit of claim 5, %d actions run%n",
                            calls.size());
                    server.stopFor(java.time.Duration.ofSeconds(3), () -> backAt.set(System.nanoTime()));
                });
        runner.start(java.time.Duration.ofSeconds(5));

        int phones = 150;
        java.util.concurrent.ExecutorService gateways = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int i = 0; i < phones; i++) {
            int phone = i;
            gateways.execute(() -> deliverUntilAnswered(processor, phone));
        }
        gateways.shutdown();
        assertThat(gateways.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 600 && backAt.get() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(backAt.get()).as("the database was killed after a claim's commit and came back").isPositive();
        long deadline = backAt.get() + 90_000_000_000L;
        while (calls.size() < phones && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        runner.close();

        assertThat(calls).hasSize(phones);
        assertThat(calls.values()).as("no action ran twice").allSatisfy(count -> assertThat(count).hasValue(1));
        double seconds = (lastCall.get() - backAt.get()) / 1e9;
        System.out.printf("[test] last payment action ran %.1f s after the database was back%n", seconds);
        assertThat(seconds).as("seconds from the database's return to the last action").isLessThanOrEqualTo(30);
    }

    /** Sends one phone's one message until it is answered, as a provider retries a 503. */
    private static void deliverUntilAnswered(MessageProcessor processor, int phone) {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                processor.process(new MessageValues(1, "burst-" + phone, String.valueOf(37065000000L + phone), "lt",
                        "bite_lt", "1337", "order-" + phone, new java.math.BigDecimal("1.45"), "EUR",
                        java.time.Instant.now().getEpochSecond()));
                return;
            } catch (lt.smssafe.persistence.DatabaseUnavailableException
                    | lt.smssafe.persistence.TransactionConflictException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
