package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.TransactionConflictException;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.LogCapture;
import lt.smssafe.testing.SchemaDefect;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conflicts the application expects and resolves — copies of one message racing for its unique key, messages of
 * one phone contending for its lock — are counted, not logged by Hibernate as warnings (two lines each, hundreds in
 * a burst); a real SQL error still reaches whoever handles it, with the database's message.
 */
class ExpectedConflictsLogTest {
    /** Where Hibernate 7 logs a failed statement ({@code SQLExceptionLogging.ERROR_NAME}), and where 6 did. */
    private static final List<String> HIBERNATE_SQL_LOGGERS = List.of("org.hibernate.orm.jdbc.error",
            "org.hibernate.engine.jdbc.spi.SqlExceptionHelper");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final List<LogCapture> hibernate = HIBERNATE_SQL_LOGGERS.stream().map(LogCapture::named).toList();
    private Database database;

    @AfterEach
    void close() {
        hibernate.forEach(LogCapture::stop);
        if (database != null) {
            database.close();
        }
    }

    private MessageProcessor processor(TestDatabases kind, int messages) {
        database = kind.openMigrated();
        hibernate.forEach(LogCapture::start);
        return new MessageProcessor(database, 1, MessageCount.fixed(messages), Duration.ZERO, Language.EN,
                Clock.fixed(NOW, java.time.ZoneOffset.UTC), new SecureRandom(), () -> { });
    }

    private static MessageValues message(String id, String phone) {
        return new MessageValues(1, id, phone, "lt", "bite_lt", "1337", "order", new BigDecimal("1.45"), "EUR",
                NOW.getEpochSecond());
    }

    private List<String> hibernateLines() {
        return hibernate.stream().flatMap(capture -> capture.records().stream())
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBurstOfDuplicatesAndContendingMessagesIsAnsweredRightWithoutAWarningFromHibernate(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 100);

        for (int round = 0; round < 10; round++) {
            String id = "same-" + round;
            String phone = "3706100000" + round;
            // copies of one message at once, and other messages of the same phone among them
            List<Answer> answers = Concurrently.run(24, i -> () -> processor.process(
                    i % 3 == 0 ? message(id + "-other-" + i, phone) : message(id, phone)));
            List<Answer> copies = Stream.iterate(0, i -> i + 1).limit(24).filter(i -> i % 3 != 0)
                    .map(answers::get).toList();
            assertThat(new HashSet<>(copies)).as("every copy gets the one stored answer").hasSize(1);
            long stored = StoredRows.count(database, "SELECT COUNT(*) FROM smssafe_message WHERE msisdn = ?", phone);
            assertThat(stored).as("one copy stored, and the 8 other messages").isEqualTo(9);
        }

        assertThat(database.uniqueKeyRaces() + database.conflicts()).as("the copies did race").isPositive();
        assertThat(hibernateLines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRealSqlErrorStillReachesItsHandlerWithTheDatabasesMessage(TestDatabases kind) {
        MessageProcessor processor = processor(kind, 3);

        SchemaDefect.on(statement -> database.inTransaction(em -> em.createNativeQuery(statement).executeUpdate()))
                .withoutColumn("smssafe_message", "reply", () -> assertThatThrownBy(
                        () -> processor.process(message("defect", "37061000099")))
                        .as("a defect, neither an outage nor a conflict")
                        .isNotInstanceOf(DatabaseUnavailableException.class)
                        .isNotInstanceOf(TransactionConflictException.class)
                        .satisfies(e -> assertThat(causes(e)).anyMatch(m -> m.toLowerCase().contains("reply"))));
        assertThat(database.conflicts() + database.uniqueKeyRaces()).isZero();
    }

    private static List<String> causes(Throwable e) {
        return Stream.iterate(e, t -> t != null, Throwable::getCause).map(String::valueOf).toList();
    }
}
