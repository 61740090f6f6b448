package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.i18n.Language;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.fortumo.FortumoDialect;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An installation upgraded to schema v6 while buyers are half-way through their sessions: the migration names each
 * phone's unclosed session on its lock row, so that their next messages continue them, real and test alike (test
 * messages come from a live gateway, here Fortumo), and a phone whose sessions are all closed starts a new one.
 */
class PhoneLastSessionUpgradeTest {
    private static final long SAFE = 12;
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sessionsOpenBeforeTheUpgradeGoOnAfterIt(TestDatabases kind) throws Exception {
        HikariDataSource pool = kind.openEmpty();
        Database database = null;
        List<String> replies = new ArrayList<>();
        try {
            new SchemaMigrations(pool, "5").migrate();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                // phone 1: a closed session, then an open one with 1 of 3, and an open test session with 2 of 3;
                // phone 2: only a closed session
                statement.execute(session(1, "CLSED234", "37060000001", false, 3, true));
                statement.execute(session(2, "REAL2345", "37060000001", false, 1, false));
                statement.execute(session(3, "TEST2345", "37060000001", true, 2, false));
                statement.execute(session(4, "CLSED567", "37060000002", false, 3, true));
                statement.execute("INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes) VALUES (" + SAFE
                        + ", 'fortumo', '37060000001', 6), (" + SAFE + ", 'fortumo', '37060000002', 3)");
            }
            database = TestDatabases.open(pool);
            MessageProcessor processor = new MessageProcessor(database, SAFE, MessageCount.fixed(3), Duration.ZERO,
                    Language.EN, new MutableClock(NOW), new SecureRandom(), () -> { });
            replies.add(processor.process(message("after-1", "37060000001", false)).body());
            replies.add(processor.process(message("after-2", "37060000001", true)).body());
            replies.add(processor.process(message("after-3", "37060000002", false)).body());
        } finally {
            if (database != null) {
                database.close();
            } else {
                pool.close();
            }
        }

        assertThat(replies.get(0)).isEqualTo("your message is received for session REAL2345");
        assertThat(replies.get(1)).isEqualTo("your message is received, session TEST2345 closed");
        assertThat(replies.get(2)).startsWith("your message is received, session ").endsWith(" started")
                .doesNotContain("CLSED567");
    }

    /** Session {@code id} of a Fortumo sender, opened {@code 10 - id} hours before now: a later id opened later. */
    private static String session(long id, String code, String msisdn, boolean test, int received, boolean closed) {
        long opened = NOW.minus(Duration.ofHours(10 - id)).toEpochMilli();
        return "INSERT INTO smssafe_session (id, safe_id, dialect, test, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, reversed_total, version) VALUES (" + id + ", " + SAFE + ", 'fortumo', " + test + ", '"
                + code + "', '" + msisdn + "', 'lt', 'bite_lt', 'order-42', 3, " + received + ", "
                + new BigDecimal("1.45").multiply(BigDecimal.valueOf(received)) + ", 'EUR', " + opened + ", "
                + opened + ", NULL, " + (closed ? String.valueOf(opened) : "NULL") + ", 0, " + received + ")";
    }

    private static PaidMessage message(String id, String msisdn, boolean test) {
        return new GatewayMessage(FortumoDialect.NAME, id, msisdn, "lt", "bite_lt", "1337", "order-42",
                new BigDecimal("1.45"), "EUR", test);
    }
}
