package lt.smssafe.queries;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import lt.smssafe.testing.SessionListRows;
import lt.smssafe.testing.TestDatabases;

/** The history the list tests read, written by bulk INSERT … SELECT over a series, as the benchmark's Prefill does. */
final class ListFill {
    static final long SAFE = 9;
    static final int CLOSED = 20_000;
    static final int OPEN = 2_000;
    static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    /** Messages kept without a session. */
    static final int UNATTRIBUTED = 300;
    /** The code of session 151, closed. */
    static final String CODE = "CXYZ2345";

    private ListFill() {
    }

    /**
     * 20,000 closed sessions, one a minute, and 2,000 open ones among them (one in fifty waiting), each with its
     * message; one in 50 reversed, one in 100 redeemed, one in 500 a test, one in ten from Latvia, a third through
     * each gateway, one in a thousand about a book; 300 messages without a sender, 1,000 reports about unknown
     * messages, 5,000 MBS transactions, a payment action per closed session.
     */
    static void fill(DataSource pool, TestDatabases kind) throws SQLException {
        boolean h2 = kind == TestDatabases.H2;
        String text = h2 ? "VARCHAR" : "CHAR";
        String total = CLOSED + OPEN - 1 + "";
        String series = h2 ? "SELECT X AS n FROM SYSTEM_RANGE(0, " + total + ")" : "SELECT seq AS n FROM seq_0_to_"
                + total;
        String closed = "n < " + CLOSED;
        // the open ones' activity spreads over the same days as the closed ones'
        String activity = "CASE WHEN " + closed + " THEN " + T0 + " + n * " + MINUTE + " ELSE " + T0 + " + (n - "
                + CLOSED + ") * " + (MINUTE * CLOSED / OPEN) + " + 30000 END";
        String code = "CONCAT('C', LPAD(CAST(n AS " + text + "), 7, '0'))";
        String phone = "CONCAT('3706', LPAD(CAST(MOD(n, 5000) AS " + text + "), 7, '0'))";
        String country = "CASE WHEN MOD(n, 10) = 0 THEN 'lv' ELSE 'lt' END";
        String operator = "CASE WHEN MOD(n, 10) = 0 THEN 'lmt_lv' ELSE 'bite_lt' END";
        String dialect = "CASE MOD(n, 3) WHEN 0 THEN 'smssafe' WHEN 1 THEN 'fortumo' ELSE 'paysera' END";
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("INSERT INTO smssafe_session (id, safe_id, dialect, test, code, msisdn, country, provider,"
                    + " content, required_messages, received_messages, total, currency, opened_at, last_message_at,"
                    + " wait_until, closed_at, reversed_at, reversed_total, version) SELECT n + 1, " + SAFE + ", "
                    + dialect + ", MOD(n, 500) = 7, " + code + ", " + phone + ", " + country + ", " + operator
                    + ", CASE WHEN MOD(n, 1000) = 3 THEN 'a Book' ELSE 'order' END, 1, 1, 1.45, 'EUR', "
                    + activity + " - 1000, " + activity + ", CASE WHEN n >= " + CLOSED + " AND MOD(n, 50) = 0 THEN "
                    + (T0 + 400L * 86_400_000) + " ELSE NULL END, CASE WHEN " + closed + " THEN " + activity
                    + " ELSE NULL END, CASE WHEN " + closed + " AND MOD(n, 50) = 5 THEN " + activity
                    + " + 5000 ELSE NULL END, CASE WHEN " + closed + " AND MOD(n, 50) = 5 THEN 1.45 ELSE 0 END, 1"
                    + " FROM (" + series + ") s");
            // the open and closed sessions' lists, as the message store writes them (schema v12)
            for (String list : SessionListRows.fromSessions()) {
                sql.execute(list);
            }
            // the reversed sessions' list, as the first reversal writes it (schema v11)
            sql.execute("INSERT INTO smssafe_reversal (session_id, safe_id, reversed_at) SELECT id, safe_id,"
                    + " reversed_at FROM smssafe_session WHERE reversed_at IS NOT NULL");
            sql.execute("INSERT INTO smssafe_redemption (safe_id, session_id, reference, redeemed_at) SELECT " + SAFE
                    + ", n + 1, 'order', " + activity + " + 9000 FROM (" + series + ") s WHERE " + closed
                    + " AND MOD(n, 100) = 1");
            sql.execute("INSERT INTO smssafe_message (safe_id, dialect, message_id, session_id, msisdn, country,"
                    + " provider, shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply,"
                    + " test) SELECT " + SAFE + ", " + dialect + ", CONCAT('m', CAST(n AS " + text + ")), CASE WHEN"
                    + " n < " + UNATTRIBUTED + " THEN NULL ELSE n - " + (UNATTRIBUTED - 1) + " END, " + phone + ", " + country + ", " + operator
                    + ", '1337', 'order', 1.45, 'EUR', " + T0 + " + n, " + T0 + " + n * 1000, 'STARTED', 'thanks',"
                    + " FALSE FROM (" + series + ") s WHERE n < " + (CLOSED + OPEN + UNATTRIBUTED));
            sql.execute("INSERT INTO smssafe_message (safe_id, dialect, message_id, session_id, msisdn, country,"
                    + " provider, shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply,"
                    + " test) SELECT " + SAFE + ", 'fortumo', CONCAT('x', CAST(n AS " + text + ")), n + 1, " + phone
                    + ", 'lt', 'bite_lt', '1337', 'order', 1.45, 'EUR', " + T0 + ", " + T0 + ", 'STARTED', 'ok', FALSE"
                    + " FROM (" + series + ") s WHERE n < 300");
            sql.execute("INSERT INTO smssafe_unmatched_report (safe_id, dialect, message_id, status, received_at,"
                    + " reports) SELECT " + SAFE + ", 'fortumo', CONCAT('u', CAST(n AS " + text + ")), 'failed', "
                    + T0 + " + n * 1000, 1 FROM (" + series + ") s WHERE n < 1000");
            sql.execute("INSERT INTO smssafe_mbs_transaction (safe_id, service_id, transaction_id, price_cents,"
                    + " tariff_cents, currency, status, first_reported_at, last_reported_at, reports, action_owed,"
                    + " version) SELECT " + SAFE + ", 41, n + 1, 250, 250, 'EUR', 'COMMITTED', " + T0 + " + n * "
                    + (MINUTE * 4) + ", " + T0 + " + n * " + (MINUTE * 4) + " + 1000, 1, TRUE, 1 FROM (" + series
                    + ") s WHERE n < 5000");
            sql.execute("INSERT INTO smssafe_action_run (safe_id, kind, reference, created_at, attempts,"
                    + " next_attempt_at, succeeded_at) SELECT " + SAFE + ", 'SMS_SESSION', " + code + ", " + activity
                    + ", 1, " + activity + ", " + activity + " + 50 FROM (" + series + ") s WHERE " + closed);
            // one code a buyer could type (the others have 0 and 1, which codes never hold)
            sql.execute("UPDATE smssafe_session SET code = '" + CODE + "' WHERE id = 151");
            sql.execute(h2 ? "ANALYZE" : "ANALYZE TABLE smssafe_session, smssafe_open_session, smssafe_closed_session,"
                    + " smssafe_redemption, smssafe_message,"
                    + " smssafe_unmatched_report, smssafe_mbs_transaction, smssafe_action_run");
        }
    }
}
