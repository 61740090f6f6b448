package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An installation upgraded to schema v12, whose newest-activity lists moved from an index of the session row to a
 * table of open sessions and one of closed ones: every session stored before the upgrade is listed, in the same
 * order; what a node of the earlier version changes after it (a session opened, one closed, one moved by a message)
 * is put right by the statements docs/nodes.md gives, which can be run again.
 */
class SessionListUpgradeTest {
    private static final long SAFE = 15;
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** What docs/nodes.md gives to run once the last node of an earlier version has stopped, read from it. */
    private static List<String> putRight() throws Exception {
        String doc = Files.readString(Path.of("docs", "nodes.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf("```sql", doc.indexOf("For schema v12"));
        assertThat(from).as("docs/nodes.md's statements for schema v12").isPositive();
        String block = doc.substring(from + "```sql".length(), doc.indexOf("```", from + 1));
        return Arrays.stream(block.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sessionsStoredBeforeTheUpgradeAreListedNewestActivityFirst(TestDatabases kind) throws Exception {
        HikariDataSource pool = kind.openEmpty();
        new SchemaMigrations(pool, "11").migrate();
        execute(pool, session(1, "OLDC2345", 180, true), session(2, "NEWC2345", 60, true),
                session(3, "OPEN2345", 120, false), session(4, "LATE2345", 30, false));
        List<String> upgraded;
        List<String> afterOldNode;
        try (Database database = TestDatabases.open(pool)) {
            PaymentList list = PaymentPages.of(database, SAFE, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC)
                    .list();
            upgraded = codes(list);
            // a node of the earlier version, after the upgrade: opens NODE2345, closes OPEN2345, moves LATE2345
            execute(pool, session(5, "NODE2345", 10, false),
                    "UPDATE smssafe_session SET closed_at = " + ago(5) + ", last_message_at = " + ago(5)
                            + ", received_messages = 2 WHERE id = 3",
                    "UPDATE smssafe_session SET last_message_at = " + ago(1) + " WHERE id = 4");
            // docs/nodes.md's statements, twice: they put right what is wrong and change nothing else
            List<String> putRight = putRight();
            assertThat(putRight).hasSize(4);
            execute(pool, putRight.toArray(String[]::new));
            execute(pool, putRight.toArray(String[]::new));
            afterOldNode = codes(list);
        }

        assertThat(upgraded).containsExactly("LATE2345", "NEWC2345", "OPEN2345", "OLDC2345");
        assertThat(afterOldNode).containsExactly("LATE2345", "OPEN2345", "NODE2345", "NEWC2345", "OLDC2345");
    }

    private static List<String> codes(PaymentList list) {
        return list.page(PaymentFilter.of(null, null, null, null, null, null, null, null, null, null), null).items()
                .stream().map(SessionStatus::code).toList();
    }

    private static void execute(HikariDataSource pool, String... sql) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long ago(int minutes) {
        return NOW.minusSeconds(60L * minutes).toEpochMilli();
    }

    /** A session whose last message came {@code minutesAgo} minutes before now, closed by it or open. */
    private static String session(long id, String code, int minutesAgo, boolean closed) {
        long last = ago(minutesAgo);
        return "INSERT INTO smssafe_session (id, safe_id, dialect, test, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, reversed_at, reversed_total, version) VALUES (" + id + ", " + SAFE + ", 'fortumo',"
                + " FALSE, '" + code + "', '3706100000" + id + "', 'lt', 'bite_lt', 'order', 2, " + (closed ? 2 : 1)
                + ", 1.45, 'EUR', " + (last - 60_000) + ", " + last + ", NULL, " + (closed ? String.valueOf(last)
                : "NULL") + ", NULL, 0, 1)";
    }
}
