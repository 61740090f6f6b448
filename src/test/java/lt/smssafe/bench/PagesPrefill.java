package lt.smssafe.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.testing.SessionListRows;

/**
 * The pages scenario's shop (issue 23): what a site owner has after two years of payments, written straight into the
 * WAR's tables by bulk {@code INSERT … SELECT} over a generated series, through the benchmark's own connection while
 * Tomcat is stopped (so that whatever the WAR derives from the tables at start-up, e.g. a summary, is derived from
 * these rows). Only the WAR's side: the pages have no counterpart in the baseline.
 * <ul>
 * <li>{@code closed} closed sessions, one opening every {@code 2 years / closed} up to an hour ago, on three gateways
 * ({@code smssafe}, {@code fortumo}, {@code paysera} by turn), three countries and five operators, contents
 * {@code order-0} to {@code order-4999}; 77 in 100 of two messages, the others of one (1.77 messages a session, as
 * the issue measured); one in 1,000 a test session, one in 1,000 reversed (its last message too), one in 50 redeemed;
 * each with its succeeded payment action, except the last 20, whose actions are owed (failing, next try tomorrow);
 * <li>{@code open} open sessions of the load's phones (gateway {@code smssafe}, operator {@code bench_open}, N = 100,
 * one message each), which scenario 3's {@code /result} load counts into; {@code open / 20} waiting sessions (a
 * {@code fortumo} phone each, the last message allowed tomorrow);
 * <li>the lock rows of {@code phones} phones on each gateway (naming their open or waiting session);
 * <li>500 unattributed messages (a blank sender), 200 unmatched reports, {@code mbs} MBS transactions over the two
 * years.
 * </ul>
 * Only columns named here are written, so that columns and tables added later with defaults keep working.
 */
final class PagesPrefill {
    static final String[] DIALECTS = {"smssafe", "fortumo", "paysera"};
    static final long TWO_YEARS = 2L * 365 * 86_400_000L;
    private static final int CHUNK = 100_000;
    private static final int UNATTRIBUTED = 500;
    private static final int UNMATCHED = 200;
    private static final int OWED = 20;
    /** The tables written, the phones' (no identity column) first; every other {@code smssafe_} table but Flyway's is emptied too. */
    static final List<String> TABLES = List.of("smssafe_phone", "smssafe_session", "smssafe_message",
            "smssafe_action_run", "smssafe_redemption", "smssafe_mbs_transaction", "smssafe_unmatched_report");
    /** The lists of sessions written beside them (no identity column): the reversed, open and closed ones. */
    private static final List<String> LISTS = List.of("smssafe_reversal", "smssafe_open_session", "smssafe_closed_session");
    /** Every table written: their indexes are rebuilt after the load, their statistics taken. */
    private static final List<String> WRITTEN = java.util.stream.Stream.concat(TABLES.stream(), LISTS.stream())
            .toList();

    private final Engine engine;
    private final boolean mariaDb;
    private final long safe;
    private final long closed;
    private final int open;
    private final int waiting;
    private final int phones;
    private final int mbs;
    private final long now;
    /** Milliseconds between two closed sessions' openings. */
    private final long step;
    private final long start;

    PagesPrefill(Engine engine, long safe, long closed, int open, int phones, int mbs, long nowMillis) {
        if (phones < open || closed < OWED) {
            throw new IllegalArgumentException("the open sessions' phones must have lock rows, and at least "
                    + OWED + " sessions are closed");
        }
        this.engine = engine;
        this.mariaDb = engine instanceof MariaDbEngine;
        this.safe = safe;
        this.closed = closed;
        this.open = open;
        this.waiting = Math.max(1, open / 20);
        this.phones = phones;
        this.mbs = mbs;
        this.now = nowMillis;
        this.step = TWO_YEARS / closed;
        this.start = nowMillis - 3_600_000L - closed * step;
    }

    /** Empties the WAR's tables and writes the shop; returns the rows written. */
    long write(Connection c) throws SQLException {
        List<String> sql = new ArrayList<>();
        sql.addAll(truncate(c));
        if (mariaDb) {
            sql.add("SET foreign_key_checks = 0");
            sql.add("SET unique_checks = 0");
        }
        List<String> rebuild = mariaDb ? List.of() : dropSecondaryIndexes(c, sql);
        for (int d = 0; d < DIALECTS.length; d++) {
            sql.add(phones(d));
        }
        for (long from = 0; from < closed; from += CHUNK) {
            long to = Math.min(from + CHUNK, closed) - 1;
            sql.add(sessions(from, to));
            sql.add(actions(from, to));
            sql.add(redemptions(from, to));
            sql.add(reversals(from, to));
        }
        for (long from = 0; from < 2 * closed; from += 2 * CHUNK) {
            sql.add(messages(from, Math.min(from + 2 * CHUNK, 2 * closed) - 1));
        }
        sql.add(openSessions());
        sql.add(openMessages());
        sql.add(waitingSessions());
        sql.add(waitingMessages());
        // the open and closed sessions' lists, as the message store writes them (schema v12)
        for (long from = 0; from < closed + open + waiting; from += CHUNK) {
            sql.addAll(SessionListRows.fromSessions("id BETWEEN " + (from + 1) + " AND " + (from + CHUNK)));
        }
        sql.add(unattributed());
        sql.add(unmatched());
        for (long from = 0; from < mbs; from += CHUNK) {
            sql.add(transactions(from, Math.min(from + CHUNK, mbs) - 1));
        }
        sql.addAll(rebuild);
        long rows = 0;
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                boolean written = statement.startsWith("INSERT");
                if (!s.execute(statement) && written) {
                    // only the rows written: H2 counts a TRUNCATE's removed rows too (the rounds before left some)
                    rows += Math.max(0, s.getUpdateCount());
                }
            }
            if (mariaDb) {
                s.execute("SET foreign_key_checks = 1");
                s.execute("SET unique_checks = 1");
                s.execute("ANALYZE TABLE " + String.join(", ", WRITTEN));
            } else {
                for (String table : TABLES.subList(1, TABLES.size())) {
                    long next;
                    try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
                        r.next();
                        next = r.getLong(1);
                    }
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
                }
                s.execute("ANALYZE");
            }
        }
        return rows;
    }

    /** Every table of the WAR but Flyway's history, emptied (a summary the WAR keeps is rebuilt at its start). */
    private List<String> truncate(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String table = r.getString("TABLE_NAME");
                String lower = table.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("smssafe_") && !lower.equals("smssafe_schema_history")) {
                    tables.add(lower);
                }
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add(mariaDb ? "SET foreign_key_checks = 0" : "SET REFERENTIAL_INTEGRITY FALSE");
        tables.forEach(t -> sql.add("TRUNCATE TABLE " + t + (mariaDb ? "" : " RESTART IDENTITY")));
        sql.add(mariaDb ? "SET foreign_key_checks = 1" : "SET REFERENTIAL_INTEGRITY TRUE");
        return sql;
    }

    /** On H2: adds to {@code sql} what drops the tables' secondary indexes, and returns what creates them again. */
    private List<String> dropSecondaryIndexes(Connection c, List<String> sql) throws SQLException {
        List<String> script = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(H2SecondaryIndexes.script(WRITTEN))) {
            while (r.next()) {
                script.add(r.getString(1));
            }
        }
        H2SecondaryIndexes indexes = H2SecondaryIndexes.of(script);
        sql.addAll(indexes.drop());
        return indexes.create();
    }

    // --- the closed sessions: row n (id n + 1) ------------------------------------------------------------------

    private String dialect(String n) {
        return "CASE MOD(" + n + ", 3) WHEN 0 THEN 'smssafe' WHEN 1 THEN 'fortumo' ELSE 'paysera' END";
    }

    private String country(String n) {
        return "CASE MOD(" + engine.div(n, 3) + ", 5) WHEN 0 THEN 'lt' WHEN 1 THEN 'lt' WHEN 2 THEN 'lv'"
                + " WHEN 3 THEN 'lv' ELSE 'ee' END";
    }

    private String operator(String n) {
        return "CASE MOD(" + engine.div(n, 3) + ", 5) WHEN 0 THEN 'bite_lt' WHEN 1 THEN 'tele2_lt' WHEN 2 THEN"
                + " 'lmt_lv' WHEN 3 THEN 'bite_lv' ELSE 'telia_ee' END";
    }

    /** The messages of session n: 2 for 77 in 100, else 1. */
    private String count(String n) {
        return "CASE WHEN MOD(" + n + ", 100) < 77 THEN 2 ELSE 1 END";
    }

    private String opened(String n) {
        return "(" + start + " + " + n + " * " + step + ")";
    }

    private String closedAt(String n) {
        return "(" + opened(n) + " + (" + count(n) + " - 1) * 30000)";
    }

    private String test(String n) {
        return "MOD(" + n + ", 1000) = 999";
    }

    private String reversed(String n) {
        return "MOD(" + n + ", 1000) = 500";
    }

    private String total(String n) {
        return "(" + count(n) + " * 1.45)";
    }

    private String sessions(long from, long to) {
        return "INSERT INTO smssafe_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, version, dialect, test, reversed_at, reversed_total) SELECT n + 1, " + safe + ", "
                + Prefill.code(engine, "n") + ", " + msisdn("n") + ", " + country("n") + ", " + operator("n")
                + ", CONCAT('order-', " + engine.text("MOD(n, 5000)") + "), " + count("n") + ", " + count("n")
                + ", " + total("n") + ", 'EUR', " + opened("n") + ", " + closedAt("n") + ", NULL, " + closedAt("n")
                + ", 2, " + dialect("n") + ", " + test("n") + ", CASE WHEN " + reversed("n") + " THEN "
                + closedAt("n") + " + 86400000 ELSE NULL END, CASE WHEN " + reversed("n") + " THEN " + total("n")
                + " ELSE 0 END FROM (" + engine.series(from, to) + ") s";
    }

    /** The reversed sessions' list (schema v11), as their first reversal writes it. */
    private String reversals(long from, long to) {
        return "INSERT INTO smssafe_reversal (session_id, safe_id, reversed_at) SELECT n + 1, " + safe + ", "
                + closedAt("n") + " + 86400000 FROM (" + engine.series(from, to) + ") s WHERE " + reversed("n");
    }

    private String actions(long from, long to) {
        String owed = "n >= " + (closed - OWED);
        return "INSERT INTO smssafe_action_run (id, safe_id, kind, reference, created_at, attempts, next_attempt_at,"
                + " locked_until, last_attempt_at, last_error, succeeded_at) SELECT n + 1, " + safe
                + ", 'SMS_SESSION', " + Prefill.code(engine, "n") + ", " + closedAt("n") + ", CASE WHEN " + owed
                + " THEN 3 ELSE 1 END, CASE WHEN " + owed + " THEN " + (now + 86_400_000L) + " ELSE " + closedAt("n")
                + " END, NULL, " + closedAt("n") + ", CASE WHEN " + owed + " THEN 'the shop answered 503 (bench)'"
                + " ELSE NULL END, CASE WHEN " + owed + " THEN NULL ELSE " + closedAt("n") + " + 50 END FROM ("
                + engine.series(from, to) + ") s";
    }

    private String redemptions(long from, long to) {
        return "INSERT INTO smssafe_redemption (id, safe_id, session_id, reference, redeemed_at) SELECT "
                + engine.div("n", 50) + " + 1, " + safe + ", n + 1, CONCAT('order-', " + engine.text("n") + "), "
                + closedAt("n") + " + 60000 FROM (" + engine.series(from, to) + ") s WHERE MOD(n, 50) = 7";
    }

    /** Message row m (id m + 1) is the k-th of session sn = m div 2; the second exists for 77 sessions in 100. */
    private String messages(long from, long to) {
        String last = "k = " + count("sn") + " - 1";
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT m + 1, " + safe + ", CONCAT('pre-', " + engine.text("sn") + ", '-', "
                + engine.text("k") + "), sn + 1, " + msisdn("sn") + ", " + country("sn") + ", " + operator("sn")
                + ", '1337', CONCAT('order-', " + engine.text("MOD(sn, 5000)") + "), 1.45, 'EUR', "
                + engine.div(opened("sn") + " + k * 30000", 1000) + ", " + opened("sn") + " + k * 30000, CASE WHEN "
                + last + " THEN 'CLOSED' ELSE 'STARTED' END, CONCAT('your message is received, session ', "
                + Prefill.code(engine, "sn") + ", CASE WHEN " + last + " THEN ' closed' ELSE ' started' END), "
                + dialect("sn") + ", " + test("sn") + ", CASE WHEN " + reversed("sn") + " AND " + last + " THEN "
                + closedAt("sn") + " + 86400000 ELSE NULL END FROM (SELECT n AS m, " + engine.div("n", 2)
                + " AS sn, MOD(n, 2) AS k FROM (" + engine.series(from, to) + ") s0) s WHERE k = 0 OR MOD(sn, 100) < 77";
    }

    private String msisdn(String n) {
        return "CONCAT('3705', LPAD(" + engine.text("MOD(" + n + ", " + phones + ")") + ", 8, '0'))";
    }

    // --- the phones, the open and waiting sessions, the rest ----------------------------------------------------

    /** Phone n of a gateway: on smssafe phone n &lt; open names open session n, on fortumo n &lt; waiting its waiting one. */
    private String phones(int d) {
        String last = d == 0 ? "CASE WHEN n < " + open + " THEN n + " + (closed + 1) + " ELSE NULL END"
                : d == 1 ? "CASE WHEN n < " + waiting + " THEN n + " + (closed + open + 1) + " ELSE NULL END" : "NULL";
        return "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes, last_session_id) SELECT " + safe
                + ", '" + DIALECTS[d] + "', CONCAT('3705', LPAD(" + engine.text("n") + ", 8, '0')), 0, " + last
                + " FROM (" + engine.series(0, phones - 1L) + ") s";
    }

    private String openSessions() {
        String sn = "n + " + closed;
        return "INSERT INTO smssafe_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, version, dialect, test, reversed_at, reversed_total) SELECT " + sn + " + 1, " + safe
                + ", " + Prefill.code(engine, sn) + ", CONCAT('3705', LPAD(" + engine.text("n") + ", 8, '0')),"
                + " 'lt', 'bench_open', 'bench', 100, 1, 1.45, 'EUR', " + now + " - MOD(n, 3600) * 1000, " + now
                + " - MOD(n, 3600) * 1000, NULL, NULL, 1, 'smssafe', FALSE, NULL, 0 FROM ("
                + engine.series(0, open - 1L) + ") s";
    }

    private String openMessages() {
        String sn = "n + " + closed;
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT n + " + (2 * closed + 1) + ", " + safe + ", CONCAT('open-', "
                + engine.text("n") + "), " + sn + " + 1, CONCAT('3705', LPAD(" + engine.text("n") + ", 8, '0')),"
                + " 'lt', 'bench_open', '1337', 'bench', 1.45, 'EUR', " + engine.div(now + " - MOD(n, 3600) * 1000",
                        1000) + ", " + now + " - MOD(n, 3600) * 1000, 'STARTED', CONCAT('your message is received,"
                + " session ', " + Prefill.code(engine, sn) + ", ' started'), 'smssafe', FALSE, NULL FROM ("
                + engine.series(0, open - 1L) + ") s";
    }

    private String waitingSessions() {
        String sn = "n + " + (closed + open);
        return "INSERT INTO smssafe_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, version, dialect, test, reversed_at, reversed_total) SELECT " + sn + " + 1, " + safe
                + ", " + Prefill.code(engine, sn) + ", CONCAT('3705', LPAD(" + engine.text("n") + ", 8, '0')),"
                + " 'lt', 'tele2_lt', CONCAT('order-', " + engine.text("n") + "), 2, 1, 1.45, 'EUR', " + (now - 60_000)
                + ", " + (now - 60_000) + ", " + (now + 86_400_000L) + ", NULL, 1, 'fortumo', FALSE, NULL, 0 FROM ("
                + engine.series(0, waiting - 1L) + ") s";
    }

    private String waitingMessages() {
        String sn = "n + " + (closed + open);
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT n + " + (2 * closed + open + 1) + ", " + safe + ", CONCAT('wait-', "
                + engine.text("n") + "), " + sn + " + 1, CONCAT('3705', LPAD(" + engine.text("n") + ", 8, '0')),"
                + " 'lt', 'tele2_lt', '1337', CONCAT('order-', " + engine.text("n") + "), 1.45, 'EUR', "
                + (now - 60_000) / 1000 + ", " + (now - 60_000) + ", 'LAST', CONCAT('your message is received for"
                + " session ', " + Prefill.code(engine, sn) + "), 'fortumo', FALSE, NULL FROM ("
                + engine.series(0, waiting - 1L) + ") s";
    }

    private String unattributed() {
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT n + " + (2 * closed + open + waiting + 1) + ", " + safe
                + ", CONCAT('blank-', " + engine.text("n") + "), NULL, '', 'lv', 'lmt_lv', '1337', 'order-7', 1.45,"
                + " 'EUR', " + engine.div(now + " - n * 3600000", 1000) + ", " + now + " - n * 3600000,"
                + " 'UNIDENTIFIED', 'your message is received', 'paysera', FALSE, NULL FROM ("
                + engine.series(0, UNATTRIBUTED - 1L) + ") s";
    }

    private String unmatched() {
        return "INSERT INTO smssafe_unmatched_report (id, safe_id, dialect, message_id, status, received_at, reports)"
                + " SELECT n + 1, " + safe + ", 'fortumo', CONCAT('lost-', " + engine.text("n")
                + "), CASE WHEN MOD(n, 2) = 0 THEN 'ok' ELSE 'failed' END, " + now + " - n * 3600000, 1 FROM ("
                + engine.series(0, UNMATCHED - 1L) + ") s";
    }

    private String transactions(long from, long to) {
        long mbsStep = TWO_YEARS / Math.max(1, mbs);
        String at = "(" + (now - 3_600_000L - mbs * mbsStep) + " + n * " + mbsStep + ")";
        return "INSERT INTO smssafe_mbs_transaction (id, safe_id, service_id, transaction_id, ident, operator,"
                + " account_id, account_msisdn, account_type, price_cents, tariff_cents, currency, status, state,"
                + " first_reported_at, last_reported_at, reports, action_owed, version) SELECT n + 1, " + safe
                + ", 77, n + 1, CONCAT('user-', " + engine.text("n") + "), 'bite_lt', CONCAT('acc-', "
                + engine.text("MOD(n, 20000)") + "), CONCAT('3705', LPAD(" + engine.text("MOD(n, " + phones + ")")
                + ", 8, '0')), 'prepaid', 299, 299, 'EUR', CASE WHEN MOD(n, 20) = 0 THEN 'rollback' ELSE 'commit'"
                + " END, NULL, " + at + ", " + at + " + 5000, 2, CASE WHEN MOD(n, 20) = 0 THEN FALSE ELSE TRUE END,"
                + " 1 FROM (" + engine.series(from, to) + ") s";
    }

    /** The code of closed session {@code n} (row {@code n}), as {@link Prefill} spells codes. */
    String code(long n) {
        return Prefill.codeOf(n);
    }
}
