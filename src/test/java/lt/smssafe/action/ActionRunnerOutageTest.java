package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import lt.smssafe.SmsSafe;
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
                SmsSafe.PAYMENT_LOOKUPS);
        log.start();

        server.stop();
        // each attempt waits out the pool's connection timeout: a few wake-ups are enough to show the counting
        for (int i = 0; i < 4; i++) {
            runner.runDueSafely();
        }
        server.restart();
        awaitDatabase();
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
                Language.EN, Clock.systemUTC(), new java.security.SecureRandom(), code -> { });
        String code = processor.process(new MessageValues(1, "down-1", "37069000001", "lt", "bite_lt", "1337",
                "order-down", new java.math.BigDecimal("1.45"), "EUR", 1)).closedSession().orElseThrow().value();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PaymentAction stopsTheDatabase = new PaymentAction() {
            @Override
            public void sessionClosed(ClosedSession session) {
                calls.incrementAndGet();
                // the action has run; the database dies before its success is recorded, and is back 3 s later
                server.stop();
                new Thread(() -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    server.restart();
                }).start();
            }
        };
        ActionRunner runner = new ActionRunner(database, 1, stopsTheDatabase, Clock.systemUTC(),
                SmsSafe.PAYMENT_LOOKUPS);

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

    private void awaitDatabase() throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            if (database.readiness() == Database.Readiness.UP) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
