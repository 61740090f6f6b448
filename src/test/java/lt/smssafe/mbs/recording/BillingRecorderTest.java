package lt.smssafe.mbs.recording;

import java.util.Map;
import lt.smssafe.mbs.AccountType;
import lt.smssafe.mbs.MtType;
import lt.smssafe.mbs.Transaction;
import lt.smssafe.mbs.TransactionStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lt.smssafe.CommittedMbsTransactions;
import lt.smssafe.persistence.Database;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Billing reports recorded on both databases: the payment action is owed once per committed transaction. */
class BillingRecorderTest {
    private static final long SAFE = 5;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    /** The runner woken after a commit that owed the action. */
    private final AtomicInteger wakeUps = new AtomicInteger();
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private BillingRecorder recorder(TestDatabases kind) {
        database = kind.openMigrated();
        return new BillingRecorder(database, SAFE, clock, new CommittedMbsTransactions(SAFE, wakeUps::incrementAndGet));
    }

    /** The transaction as the platform's getTransaction describes it, in this status. */
    private static Transaction in(long service, long transaction, String status) {
        return in(service, transaction, status, "ok");
    }

    private static Transaction in(long service, long transaction, String status, String state) {
        return new Transaction(transaction, service, "order-9", "bite_lt", "acc-1", "37060000001", null,
                AccountType.PREPAID, 250, 250, "EUR", MtType.SMS, "thanks", null, TransactionStatus.fromWire(status),
                state, null, Map.of());
    }

    private long count(String jpql) {
        return database.inTransaction(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theActionIsOwedWhenTheTransactionIsFirstSeenCommittedAndNeverAgain(TestDatabases kind) {
        BillingRecorder recorder = recorder(kind);

        boolean reserved = recorder.record(in(1, 2456, "reserve"));
        boolean committed = recorder.record(in(1, 2456, "commit"));
        boolean repeated = recorder.record(in(1, 2456, "commit"));

        assertThat(List.of(reserved, committed, repeated)).containsExactly(false, true, false);
        assertThat(wakeUps).hasValue(1);
        assertThat(count("select count(r) from ActionRun r where r.reference = '1:2456'")).isEqualTo(1);
        assertThat(count("select count(t) from BilledTransaction t")).isEqualTo(1);
        int reports = database.inTransaction(em -> em.createNamedQuery("BilledTransaction.find",
                        BilledTransaction.class)
                .setParameter("serviceId", 1L).setParameter("transactionId", 2456L).getSingleResult().reports());
        assertThat(reports).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twentyCopiesOfACommitReportAtOnceOweTheActionOnce(TestDatabases kind) {
        BillingRecorder recorder = recorder(kind);

        List<Boolean> results = Concurrently.run(20, i -> () -> recorder.record(in(1, 777, "commit")));

        assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        assertThat(wakeUps).hasValue(1);
        assertThat(count("select count(r) from ActionRun r where r.reference = '1:777'")).isEqualTo(1);
        assertThat(count("select count(t) from BilledTransaction t")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRolledBackOrFailedTransactionOwesNothing(TestDatabases kind) {
        BillingRecorder recorder = recorder(kind);

        recorder.record(in(1, 10, "reserve"));
        recorder.record(in(1, 10, "rollback"));
        recorder.record(in(1, 11, "fail"));

        assertThat(wakeUps).hasValue(0);
        assertThat(count("select count(r) from ActionRun r")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBilledTransactionWhoseRollbackWasRefusedStillOwesTheActionOnce(TestDatabases kind) {
        BillingRecorder recorder = recorder(kind);
        Transaction refusedRollback = in(1, 12, "commit", "rollback_not_allowed");

        boolean first = recorder.record(refusedRollback);
        boolean again = recorder.record(in(1, 12, "commit"));

        assertThat(refusedRollback.isBilled()).isTrue();
        assertThat(refusedRollback.isCommitted()).as("the contract's isCommitted: without errors").isFalse();
        assertThat(List.of(first, again)).containsExactly(true, false);
        assertThat(wakeUps).hasValue(1);
        assertThat(count("select count(r) from ActionRun r where r.reference = '1:12'")).isEqualTo(1);
    }
}
