package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.DatabaseUnavailableException;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.i18n.Language;
import lt.smssafe.sms.MessageValues;
import lt.smssafe.testing.Concurrently;
import lt.smssafe.testing.MariaDbServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real MariaDB that goes away: while it is down every message is refused and nothing is kept; when it is
 * stopped in the middle of a burst of messages, every message that was answered 200 is stored and counted, and the
 * gateway's retry of every refused message is then processed exactly once.
 *
 * <p>A message whose commit reached the database just as the connection died is refused although it is stored:
 * no client can tell that case apart. The retry then gets the stored answer, so it is still counted once.
 */
class DatabaseOutageTest {
    private final MariaDbServer server = MariaDbServer.get();
    private Database database;

    @AfterEach
    void restartAndClose() {
        server.restart();
        if (database != null) {
            database.close();
        }
    }

    private MessageProcessor processor(String databaseName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.createDatabase(databaseName));
        config.setUsername("root");
        config.setPassword("");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(2_000);
        HikariDataSource pool = new HikariDataSource(config);
        new SchemaMigrations(pool).migrate();
        database = Database.open(pool, pool, DatabaseBootstrap.ENTITIES);
        return new MessageProcessor(database, 77, MessageCount.fixed(3), Duration.ZERO, Language.EN,
                Clock.systemUTC(), new SecureRandom(), () -> { });
    }

    private static MessageValues message(int i) {
        return MessageProcessorTest.message(77, "o-" + i, String.valueOf(37062000000L + i % 40));
    }

    @Test
    void whileTheDatabaseIsDownMessagesAreRefusedAndNothingIsKept() throws Exception {
        MessageProcessor processor = processor("outage_down");

        server.whileStopped(() -> assertThatThrownBy(() -> processor.process(message(1)))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("o-1 not stored"));

        MariaDbServer.awaitDatabase(database);
        assertThat(storedMessageIds()).isEmpty();
        assertThat(processor.process(message(1)).body()).endsWith(" started");
    }

    @Test
    void stoppedInTheMiddleOfABurstEveryAnsweredMessageIsKeptAndEveryRetryCountsOnce() throws Exception {
        MessageProcessor processor = processor("outage_burst");
        AtomicInteger answeredSoFar = new AtomicInteger();
        Thread killer = new Thread(() -> {
            while (answeredSoFar.get() < 50) {
                Thread.onSpinWait();
            }
            server.stop();
        }, "kill-mariadb");
        killer.start();

        List<Object> outcomes = Concurrently.run(200, i -> () -> {
            try {
                Answer answer = processor.process(message(i));
                answeredSoFar.incrementAndGet();
                return answer;
            } catch (DatabaseUnavailableException e) {
                return "refused o-" + i;
            }
        });
        killer.join();

        server.restart();
        MariaDbServer.awaitDatabase(database);
        List<String> answered = java.util.stream.IntStream.range(0, 200)
                .filter(i -> outcomes.get(i) instanceof Answer).mapToObj(i -> "o-" + i).toList();
        List<String> refused = java.util.stream.IntStream.range(0, 200)
                .filter(i -> !(outcomes.get(i) instanceof Answer)).mapToObj(i -> "o-" + i).toList();
        System.out.printf("[test] burst with the database killed: %d answered, %d refused%n", answered.size(),
                refused.size());
        assertThat(answered).as("answered before the kill").hasSizeGreaterThanOrEqualTo(50);
        assertThat(refused).as("the kill refused some messages").isNotEmpty();
        assertThat(storedMessageIds()).containsAll(answered);
        for (String messageId : refused) {
            int i = Integer.parseInt(messageId.substring(2));
            assertThat(processor.process(message(i)).status()).as("retry of %s", messageId).isEqualTo(200);
        }
        assertThat(storedMessageIds()).hasSize(200).doesNotHaveDuplicates();
        // every stored message is counted in exactly one session, every session's count matches its messages
        Map<Long, Long> perSession = StoredRows.rows(database, "SELECT session_id, COUNT(*) FROM smssafe_message"
                        + " WHERE safe_id = 77 GROUP BY session_id").stream().map(Object[].class::cast)
                .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
        Map<Long, Long> counted = StoredRows.rows(database, "SELECT id, received_messages FROM smssafe_session"
                        + " WHERE safe_id = 77").stream().map(Object[].class::cast)
                .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
        assertThat(counted).isEqualTo(perSession);
    }

    private List<String> storedMessageIds() {
        return StoredRows.rows(database, "SELECT message_id FROM smssafe_message WHERE safe_id = 77").stream()
                .map(String.class::cast).toList();
    }
}
