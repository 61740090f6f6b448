package lt.smssafe.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.persistence.PersistenceException;
import java.util.concurrent.atomic.AtomicInteger;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one classification of a failed unit of work, on both databases: a defect stays a defect (so it reaches the
 * log as one), a race is a conflict that is retried. Only a unique key's violation is a race: a NULL in a NOT NULL
 * column or a missing foreign key fails the same way on every attempt. (An unreachable database is an outage: the processor's
 * {@code DatabaseOutageTest} stops a real MariaDB for that.)
 */
class DatabaseFailuresTest {
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aWrongQueryIsADefectNotAnOutageAndIsNotRetried(TestDatabases kind) {
        database = kind.openMigrated();
        AtomicInteger attempts = new AtomicInteger();

        Throwable failure = catchThrowable(() -> database.inRetriedTransaction(em -> {
            attempts.incrementAndGet();
            return em.createNativeQuery("select no_such_column from smssafe_session").getResultList();
        }));

        assertThat(failure).isNotNull()
                .isNotInstanceOf(DatabaseUnavailableException.class)
                .isNotInstanceOf(TransactionConflictException.class);
        assertThat(attempts).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNullInANotNullColumnIsADefectNotARace(TestDatabases kind) {
        assertDefectAfterOneAttempt(kind,
                "insert into smssafe_phone (safe_id, dialect, msisdn, writes) values (1, 'smssafe', '37060000003', null)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aMissingForeignKeyIsADefectNotARace(TestDatabases kind) {
        assertDefectAfterOneAttempt(kind, "insert into smssafe_message (safe_id, message_id, session_id, msisdn, country,"
                + " provider, shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply)"
                + " values (1, 'm1', 999999, '37060000004', 'LT', 'p', '1337', 'TEST', 1.00, 'EUR', 0, 0, 'counted', 'ok')");
    }

    /** A constraint that fails the same way on every attempt is answered as a defect, not retried as a race. */
    private void assertDefectAfterOneAttempt(TestDatabases kind, String insert) {
        database = kind.openMigrated();
        AtomicInteger attempts = new AtomicInteger();

        Throwable failure = catchThrowable(() -> database.inRetriedTransaction(em -> {
            attempts.incrementAndGet();
            return em.createNativeQuery(insert).executeUpdate();
        }));

        assertThat(failure).isInstanceOf(PersistenceException.class)
                .isNotInstanceOf(DatabaseUnavailableException.class)
                .isNotInstanceOf(TransactionConflictException.class);
        assertThat(attempts).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDuplicateKeyIsAConflictAndRetriedUntilItGivesUp(TestDatabases kind) {
        database = kind.openMigrated();
        database.inTransaction(em -> {
            insertPhone(em, "37060000001");
            return null;
        });
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> database.inTransaction(em -> {
            insertPhone(em, "37060000001");
            return null;
        })).isInstanceOf(TransactionConflictException.class);
        assertThatThrownBy(() -> database.inRetriedTransaction(em -> {
            attempts.incrementAndGet();
            insertPhone(em, "37060000001");
            return null;
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("still conflicting");
        assertThat(attempts).hasValue(Database.MAX_ATTEMPTS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aConflictThatPassesIsRetriedIntoSuccess(TestDatabases kind) {
        database = kind.openMigrated();
        AtomicInteger attempts = new AtomicInteger();

        String result = database.inRetriedTransaction(em -> {
            insertPhone(em, "37060000002");
            if (attempts.incrementAndGet() < 3) {
                insertPhone(em, "37060000002");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        Number stored = database.inTransaction(em -> (Number) em.createNativeQuery("select count(*) from smssafe_phone"
                + " where safe_id = 1 and dialect = 'smssafe' and msisdn = '37060000002'").getSingleResult());
        assertThat(stored.intValue()).as("the successful attempt's row").isEqualTo(1);
    }

    private static void insertPhone(jakarta.persistence.EntityManager em, String msisdn) {
        em.createNativeQuery("insert into smssafe_phone (safe_id, dialect, msisdn) values (1, 'smssafe', ?)").setParameter(1, msisdn)
                .executeUpdate();
    }
}
