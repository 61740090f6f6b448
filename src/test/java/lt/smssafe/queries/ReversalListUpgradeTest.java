package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An installation upgraded to schema v11, whose reversed sessions moved from an index of the session row to a list
 * of their own: the sessions reversed before the upgrade are still listed, latest reversal first, and only they; a
 * session an old node reversed after it is added by the statement docs/nodes.md gives, which can be run again.
 */
class ReversalListUpgradeTest {
    private static final long SAFE = 14;
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** What docs/nodes.md gives to run once the last node of an earlier version has stopped. */
    private static final String ADD_MISSING = "INSERT INTO smssafe_reversal (session_id, safe_id, reversed_at)"
            + " SELECT id, safe_id, reversed_at FROM smssafe_session s WHERE reversed_at IS NOT NULL AND NOT EXISTS"
            + " (SELECT 1 FROM smssafe_reversal r WHERE r.session_id = s.id)";

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sessionsReversedBeforeTheUpgradeAreListedAfterIt(TestDatabases kind) throws Exception {
        HikariDataSource pool = kind.openEmpty();
        new SchemaMigrations(pool, "10").migrate();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(session(1, "REVD2345", 3));
            statement.execute(session(2, "PAID2345", 0));
            statement.execute(session(3, "REVD6789", 1));
        }
        List<String> reversed;
        List<String> afterOldNode;
        try (Database database = TestDatabases.open(pool)) {
            SessionQueries queries = new SessionQueries(database, SAFE, new MutableClock(NOW));
            reversed = queries.reversedSessions().stream().map(SessionStatus::code).toList();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                // a node of the earlier version reverses PAID2345 after the upgrade, then docs/nodes.md's statement,
                // twice: it adds what is missing and nothing else
                statement.execute("UPDATE smssafe_session SET reversed_at = " + NOW.minusSeconds(60).toEpochMilli()
                        + " WHERE id = 2");
                statement.execute(ADD_MISSING);
                statement.execute(ADD_MISSING);
            }
            afterOldNode = queries.reversedSessions().stream().map(SessionStatus::code).toList();
        }

        assertThat(afterOldNode).containsExactly("PAID2345", "REVD6789", "REVD2345");
        assertThat(reversed).containsExactly("REVD6789", "REVD2345");
    }

    /** A closed session, reversed {@code hoursAgo} hours before now, or never with 0. */
    private static String session(long id, String code, int hoursAgo) {
        long closed = NOW.minusSeconds(86_400).toEpochMilli();
        String reversedAt = hoursAgo == 0 ? "NULL" : String.valueOf(NOW.minusSeconds(3_600L * hoursAgo).toEpochMilli());
        return "INSERT INTO smssafe_session (id, safe_id, dialect, test, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, reversed_at, reversed_total, version) VALUES (" + id + ", " + SAFE + ", 'fortumo',"
                + " FALSE, '" + code + "', '3706000000" + id + "', 'lt', 'bite_lt', 'order', 2, 2, 2.90, 'EUR', "
                + closed + ", " + closed + ", NULL, " + closed + ", " + reversedAt + ", "
                + (hoursAgo == 0 ? "0" : "1.45") + ", 3)";
    }
}
