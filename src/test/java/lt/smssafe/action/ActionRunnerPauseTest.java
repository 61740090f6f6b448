package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lt.smssafe.OwedPayments;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.MessageCount;
import lt.smssafe.sms.MessageProcessor;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A started runner, on the real clock, keeps the retry pauses it records (docs/payment-action.md: "retried after 1 s,
 * 2 s, 4 s, …"): a retry due before the next poll is not left to wait for it.
 */
class ActionRunnerPauseTest {
    private static final long SAFE = 98;

    @Test
    void aRetryDueBeforeTheNextPollIsAttemptedWhenItsPauseIsOver() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        try (Database database = TestDatabases.H2.openMigrated();
                ActionRunner runner = new ActionRunner(database, SAFE, session -> {
                    calls.add(System.nanoTime());
                    if (calls.size() < 3) {
                        throw new IllegalStateException("shop down, call " + calls.size());
                    }
                }, Clock.systemUTC(), new OwedPayments())) {
            runner.start(Duration.ofSeconds(30));
            new MessageProcessor(database, SAFE, MessageCount.fixed(1), Duration.ZERO, Language.EN,
                    Clock.systemUTC(), new SecureRandom(), runner).process(new MessageValues(SAFE, "p-1",
                    "37063000001", "lt", "bite_lt", "1337", "order-1", new BigDecimal("2.00"), "EUR",
                    System.currentTimeMillis() / 1000));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (calls.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(calls).as("three attempts within 10 s, with a poll every 30 s").hasSize(3);
            assertThat((calls.get(1) - calls.get(0)) / 1e9).as("the first pause").isBetween(0.95, 1.6);
            assertThat((calls.get(2) - calls.get(1)) / 1e9).as("the second pause").isBetween(1.95, 2.6);
        }
    }
}
