package lt.smssafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import lt.smssafe.action.ActionRunner;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.MtType;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionStatus;
import lt.smssafe.mbs.recording.BillingRecorder;
import lt.smssafe.persistence.Database;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A committed MBS transaction, from its report to the payment action: owed once, delivered as the platform said. */
class CommittedMbsTransactionsTest {
    private static final long SAFE = 5;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private Database database;
    private ActionRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static Transaction in(String status) {
        return new Transaction(2456, 1, "order-9", "bite_lt", "acc-1", "37060000001", null, AccountType.PREPAID, 250,
                250, "EUR", MtType.SMS, "thanks", null, TransactionStatus.fromWire(status), "ok", null, Map.of());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theActionReceivesTheCommittedTransactionOnceAsThePlatformLastDescribedIt(TestDatabases kind) {
        database = kind.openMigrated();
        List<CommittedTransaction> received = new CopyOnWriteArrayList<>();
        runner = new ActionRunner(database, SAFE, new PaymentAction() {
            @Override
            public void sessionClosed(ClosedSession session) {
                throw new AssertionError("no session was paid");
            }

            @Override
            public void transactionCommitted(CommittedTransaction transaction) {
                received.add(transaction);
            }
        }, clock, new OwedPayments());
        AtomicInteger wakeUps = new AtomicInteger();
        BillingRecorder recorder = new BillingRecorder(database, SAFE, clock,
                new CommittedMbsTransactions(SAFE, wakeUps::incrementAndGet));

        recorder.record(in("reserve"));
        assertThat(runner.runDue()).as("a reserved transaction owes nothing").isZero();
        clock.advance(java.time.Duration.ofMinutes(1));
        recorder.record(in("commit"));
        recorder.record(in("commit"));

        assertThat(wakeUps).hasValue(1);
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(runner.runDue()).isZero();
        assertThat(received).containsExactly(new CommittedTransaction(1, 2456, "order-9", "acc-1", "37060000001",
                "bite_lt", 250, "EUR", clock.instant()));
        assertThat(received.get(0).reference()).isEqualTo("1:2456");
    }
}
