package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.persistence.Database;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message looks up its phone's unclosed session: the database must find it by primary keys, through the phone's
 * lock row, never by an index over the sessions. With many closed sessions and fresh statistics H2's optimizer once
 * took {@code closed_at IS NULL} for selective and chose {@code ix_session_state} — each message then read every open
 * session (the benchmark's million-session scenario fell to 304 requests per second) — and even the phone's own
 * index holds an entry for every session ever opened. This test fails if either database plans it otherwise, for
 * real and for test messages.
 */
class MessageStorePlanTest {
    private static final long SAFE = 7;
    private static final int PHONES = 30_000;
    private static final int CLOSED = 30_000;
    private static final Pattern H2_INDEX = Pattern.compile("/\\* PUBLIC\\.(\\w+)");

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void findsThePhonesUnclosedSessionByPrimaryKeysWhateverTheStatisticsSay(TestDatabases kind) throws Exception {
        try (Database database = kind.openMigrated();
                Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // closed sessions of as many phones, and an open one for a fifth of them: more rows than H2's
                // ANALYZE samples, and a sample in which nearly every phone and every closed_at is distinct
                for (int from = 0; from < CLOSED; from += 1_000) {
                    statement.execute(sessions(from, from + 1_000, true));
                }
                statement.execute(sessions(CLOSED, CLOSED + PHONES / 5, false));
                // every phone names its last session, as a real one and (for the test messages' plan) as a test one
                statement.execute("INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes, last_session_id,"
                        + " last_test_session_id) SELECT safe_id, dialect, msisdn, 1, MAX(id), MAX(id)"
                        + " FROM smssafe_session GROUP BY safe_id, dialect, msisdn");
                // as after a rebuild of the phone's index (the benchmark's bulk load does it): now the newest index
                statement.execute("DROP INDEX ix_session_phone ON smssafe_session");
                statement.execute("CREATE INDEX ix_session_phone ON smssafe_session"
                        + " (safe_id, msisdn, id DESC)");
                statement.execute(kind == TestDatabases.H2 ? "ANALYZE"
                        : "ANALYZE TABLE smssafe_session, smssafe_phone");
            }
            for (String query : List.of(MessageStore.FIND_UNCLOSED, MessageStore.FIND_UNCLOSED_TEST)) {
                assertThat(indexesUsed(connection, kind, query)).as("the indexes %s reads", query)
                        .hasSize(2).allSatisfy(index -> assertThat(index).as("an index of %s", query)
                                .matches(kind == TestDatabases.H2 ? "PRIMARY_KEY_\\w*" : "PRIMARY"));
            }
        }
    }

    private static String sessions(int from, int to, boolean closed) {
        List<String> rows = new ArrayList<>();
        for (int n = from; n < to; n++) {
            String code = String.format("C%07d", n);
            String closedAt = closed ? String.valueOf(1_000_000L + n) : "NULL";
            rows.add("(" + SAFE + ", 'smssafe', FALSE, '" + code + "', '3706" + String.format("%07d", n % PHONES)
                    + "', 'lt', 'bite_lt', 'order', 3, " + (closed ? 3 : 1) + ", 1.45, 'EUR', " + (1_000_000L + n)
                    + ", " + (1_000_000L + n) + ", NULL, " + closedAt + ", 0, 0)");
        }
        return "INSERT INTO smssafe_session (safe_id, dialect, test, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, reversed_total, version) VALUES " + String.join(", ", rows);
    }

    /**
     * The index the plan reads in each table: H2's comment on each table ({@code /* PUBLIC.PRIMARY_KEY_8: ...} or
     * {@code /* PUBLIC.SMSSAFE_SESSION.tableScan}), MariaDB's {@code key} of each row (null for a scan).
     */
    private static List<String> indexesUsed(Connection connection, TestDatabases kind, String query)
            throws Exception {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
            explain.setLong(1, SAFE);
            explain.setString(2, "smssafe");
            explain.setString(3, "37060000007");
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    if (kind == TestDatabases.MARIADB) {
                        indexes.add(plan.getString("key"));
                    } else {
                        Matcher index = H2_INDEX.matcher(plan.getString(1));
                        while (index.find()) {
                            indexes.add(index.group(1));
                        }
                    }
                }
            }
        }
        return indexes;
    }
}
