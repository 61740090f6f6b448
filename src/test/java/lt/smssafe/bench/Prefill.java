package lt.smssafe.bench;

import java.util.ArrayList;
import java.util.List;
import lt.smssafe.sms.SessionCode;
import lt.smssafe.testing.SessionListRows;

/**
 * What a scenario finds stored before its first round, written straight into both sides' tables by bulk
 * {@code INSERT … SELECT} over a generated series, as the applications themselves would have stored it (the WAR's
 * rows follow its migrations' schema):
 * <ul>
 * <li>scenario 3's history: closed sessions of M messages each (from the {@code bench_closed} operator, whose N is
 * M in the benchmark's rates) with their messages and the replies they got, their succeeded payment actions, and
 * their phones' lock rows;
 * <li>scenarios 2 and 3: one open session for each of the scenario's phones (the first phones of the history's),
 * from the {@code bench_open} operator (N = 100), its first message counted and answered "started".
 * </ul>
 * Session codes are distinct codes of the real alphabet (a bijection of the row number), so that a live session can
 * still collide with a stored one now and then, as it would.
 */
final class Prefill {
    /** The operator of the closed sessions. */
    static final String CLOSED_SESSIONS = "bench_closed";
    /** Rows per statement: a statement is its own transaction, so a chunk must not be too big for the undo log. */
    private static final int CHUNK = 100_000;

    private final Engine engine;
    private final long safe;
    private final int closed;
    /** M: the messages of each closed session. */
    private final int messages;
    private final int phones;
    private final int open;
    /** When the first closed session opened, epoch milliseconds; one opens every second after it. */
    private final long start;
    private final long now;

    /**
     * @param closed closed sessions (0 for none)
     * @param messages the messages of each closed session
     * @param phones the phones with a lock row: those of the closed sessions, at least the {@code open} ones
     * @param open phones with an open session
     */
    Prefill(Engine engine, long safe, int closed, int messages, int phones, int open, long nowMillis) {
        if (phones < open) {
            throw new IllegalArgumentException("the open sessions' phones must have lock rows");
        }
        this.engine = engine;
        this.safe = safe;
        this.closed = closed;
        this.messages = messages;
        this.phones = phones;
        this.open = open;
        this.now = nowMillis;
        this.start = nowMillis - (closed + 86_400L) * 1000;
    }

    /** Writes the rows of one side (through {@link Engine#execute}, while Tomcat runs) and returns how many. */
    long write(Side side) throws Exception {
        boolean war = side.war();
        boolean mariaDb = engine instanceof MariaDbEngine;
        List<String> sql = new ArrayList<>();
        if (mariaDb) {
            // every row is consistent by construction; checking each one again would only slow the load
            sql.add("SET foreign_key_checks = 0");
            sql.add("SET unique_checks = 0");
        }
        // H2 keeps each index up to date row by row, several times slower than building it once afterwards
        List<String> rebuild = mariaDb ? List.of() : dropSecondaryIndexes(side, sql);
        sql.add(war ? warPhones() : baselinePhones());
        for (long from = 0; from < closed; from += CHUNK) {
            long to = Math.min(from + CHUNK, closed) - 1;
            sql.add(war ? warSessions(from, to) : baselineSessions(from, to));
            sql.add(war ? warActions(from, to) : baselineActions(from, to));
        }
        long closedMessages = (long) closed * messages;
        for (long from = 0; from < closedMessages; from += CHUNK) {
            long to = Math.min(from + CHUNK, closedMessages) - 1;
            sql.add(war ? warMessages(from, to) : baselineMessages(from, to));
        }
        if (open > 0) {
            sql.add(war ? warOpenSessions() : baselineOpenSessions());
            sql.add(war ? warOpenMessages() : baselineOpenMessages());
        }
        if (war) {
            // the open and closed sessions' lists, as the message store writes them (schema v12)
            for (long from = 0; from < (long) closed + open; from += CHUNK) {
                sql.addAll(SessionListRows.fromSessions("id BETWEEN " + (from + 1) + " AND " + (from + CHUNK)));
            }
        }
        sql.addAll(rebuild);
        sql.addAll(afterwards(side, mariaDb));
        return engine.execute(side, sql);
    }

    /** The side's tables: phones, sessions, messages, payment actions (and the WAR's session lists). */
    static List<String> tables(Side side) {
        return side.war() ? List.of("smssafe_phone", "smssafe_session", "smssafe_message", "smssafe_action_run",
                "smssafe_open_session", "smssafe_closed_session")
                : List.of("baseline_phone", "baseline_session", "baseline_message", "baseline_action");
    }

    /** On H2: adds to {@code sql} what drops the tables' secondary indexes, and returns what creates them again. */
    private List<String> dropSecondaryIndexes(Side side, List<String> sql) throws Exception {
        H2SecondaryIndexes indexes = H2SecondaryIndexes.of(engine.query(side, H2SecondaryIndexes.script(tables(side)))
                .stream().map(row -> row.get(0)).toList());
        sql.addAll(indexes.drop());
        return indexes.create();
    }

    /** Fresh statistics for the optimisers, and on H2 identity columns that continue after the stored rows. */
    private List<String> afterwards(Side side, boolean mariaDb) {
        List<String> tables = tables(side);
        List<String> sql = new ArrayList<>();
        if (mariaDb) {
            sql.add("ANALYZE TABLE " + String.join(", ", tables));
            return sql;
        }
        sql.add("ALTER TABLE " + tables.get(1) + " ALTER COLUMN id RESTART WITH " + ((long) closed + open + 1));
        sql.add("ALTER TABLE " + tables.get(2) + " ALTER COLUMN id RESTART WITH "
                + ((long) closed * messages + open + 1));
        sql.add("ALTER TABLE " + tables.get(3) + " ALTER COLUMN id RESTART WITH " + (closed + 1L));
        sql.add("ANALYZE");
        return sql;
    }

    /** The phones' lock rows; phone {@code n < open} names its open session (row {@code closed + n}) as its last. */
    private String warPhones() {
        return "INSERT INTO smssafe_phone (safe_id, dialect, msisdn, writes, last_session_id) SELECT " + safe
                + ", 'smssafe', " + msisdn("n") + ", 0, CASE WHEN n < " + open + " THEN n + " + closed
                + " + 1 ELSE NULL END FROM (" + engine.series(0, phones - 1L) + ") s";
    }

    private String baselinePhones() {
        return "INSERT INTO baseline_phone (safe_id, msisdn, writes) SELECT " + safe + ", " + msisdn("n")
                + ", 0 FROM (" + engine.series(0, phones - 1L) + ") s";
    }

    private String warSessions(long from, long to) {
        return "INSERT INTO smssafe_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, version, dialect, test, reversed_at, reversed_total) SELECT n + 1, " + safe + ", "
                + code("n") + ", " + msisdn("n") + ", 'lt', '" + CLOSED_SESSIONS + "', 'bench', " + messages + ", "
                + messages + ", " + total() + ", 'EUR', " + opened("n") + ", " + closedAt("n") + ", NULL, " + closedAt("n") + ", 2, 'smssafe', FALSE, NULL, 0"
                + " FROM (" + engine.series(from, to) + ") s";
    }

    private String baselineSessions(long from, long to) {
        return "INSERT INTO baseline_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at) SELECT n + 1, " + safe + ", " + code("n") + ", " + msisdn("n")
                + ", 'lt', '" + CLOSED_SESSIONS + "', 'bench', " + messages + ", " + messages + ", " + total()
                + ", 'EUR', " + opened("n") + ", " + closedAt("n")
                + ", NULL, " + closedAt("n") + " FROM (" + engine.series(from, to) + ") s";
    }

    private String warActions(long from, long to) {
        return "INSERT INTO smssafe_action_run (id, safe_id, kind, reference, created_at, attempts, next_attempt_at,"
                + " locked_until, last_attempt_at, last_error, succeeded_at) SELECT n + 1, " + safe
                + ", 'SMS_SESSION', " + code("n") + ", " + closedAt("n") + ", 1, " + closedAt("n") + ", NULL, "
                + closedAt("n") + ", NULL, " + closedAt("n") + " + 50 FROM (" + engine.series(from, to) + ") s";
    }

    private String baselineActions(long from, long to) {
        return "INSERT INTO baseline_action (id, safe_id, reference, created_at, attempts, next_attempt_at,"
                + " succeeded_at) SELECT n + 1, " + safe + ", " + code("n") + ", " + closedAt("n") + ", 1, "
                + closedAt("n") + ", " + closedAt("n") + " + 50 FROM (" + engine.series(from, to) + ") s";
    }

    private String warMessages(long from, long to) {
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT " + messageValues() + ", 'smssafe', FALSE, NULL FROM "
                + messageSeries(from, to);
    }

    private String baselineMessages(long from, long to) {
        return "INSERT INTO baseline_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply) SELECT "
                + messageValues() + " FROM " + messageSeries(from, to);
    }

    /** Message {@code m} is the {@code k}-th of session {@code sn}. */
    private String messageSeries(long from, long to) {
        return "(SELECT n AS m, " + engine.div("n", messages) + " AS sn, MOD(n, " + messages + ") AS k FROM ("
                + engine.series(from, to) + ") s0) s";
    }

    /** The k-th message of a closed session: the last one closed it, the first one started it (docs/protocol.md §3). */
    private String messageValues() {
        String at = opened("sn") + " + k * 1000";
        String code = code("sn");
        return "m + 1, " + safe + ", CONCAT('pre-', LPAD(" + engine.text("sn") + ", 7, '0'), '-', "
                + engine.text("k") + "), sn + 1, " + msisdn("sn") + ", 'lt', '" + CLOSED_SESSIONS + "', '1337',"
                + " 'bench', 1.45, 'EUR', " + engine.div(at, 1000) + ", " + at + ", CASE WHEN k = " + (messages - 1)
                + " THEN 'CLOSED' WHEN k = 0 THEN 'STARTED' ELSE 'NEXT' END, CASE WHEN k = " + (messages - 1)
                + " THEN CONCAT('your message is received, session ', " + code + ", ' closed') WHEN k = 0 THEN"
                + " CONCAT('your message is received, session ', " + code + ", ' started') ELSE CONCAT('your message"
                + " is received for session ', " + code + ") END";
    }

    /** What a closed session was paid: M messages of 1.45. */
    private String total() {
        return new java.math.BigDecimal("1.45").multiply(java.math.BigDecimal.valueOf(messages)).toPlainString();
    }

    /** Open session {@code i} (of phone {@code i}) is row {@code closed + i}, its code after the closed ones'. */
    private String openSeries() {
        return "(SELECT n AS i, n + " + closed + " AS sn FROM (" + engine.series(0, open - 1L) + ") s0) s";
    }

    private String warOpenSessions() {
        return "INSERT INTO smssafe_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at, version, dialect, test, reversed_at, reversed_total) SELECT sn + 1, " + safe + ", "
                + code("sn") + ", " + msisdn("i") + ", 'lt', 'bench_open', 'bench', 100, 1, 1.45, 'EUR', " + now
                + ", " + now + ", NULL, NULL, 1, 'smssafe', FALSE, NULL, 0 FROM " + openSeries();
    }

    private String baselineOpenSessions() {
        return "INSERT INTO baseline_session (id, safe_id, code, msisdn, country, provider, content,"
                + " required_messages, received_messages, total, currency, opened_at, last_message_at, wait_until,"
                + " closed_at) SELECT sn + 1, " + safe + ", " + code("sn") + ", " + msisdn("i")
                + ", 'lt', 'bench_open', 'bench', 100, 1, 1.45, 'EUR', " + now + ", " + now + ", NULL, NULL FROM "
                + openSeries();
    }

    private String warOpenMessages() {
        return "INSERT INTO smssafe_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply, dialect,"
                + " test, reversed_at) SELECT " + openMessageValues() + ", 'smssafe', FALSE, NULL FROM "
                + openSeries();
    }

    private String baselineOpenMessages() {
        return "INSERT INTO baseline_message (id, safe_id, message_id, session_id, msisdn, country, provider,"
                + " shortcode, content, cost_local, currency, provider_time, received_at, outcome, reply) SELECT "
                + openMessageValues() + " FROM " + openSeries();
    }

    private String openMessageValues() {
        return (long) closed * messages + " + i + 1, " + safe + ", CONCAT('open-', LPAD(" + engine.text("i")
                + ", 7, '0')), sn + 1, " + msisdn("i") + ", 'lt', 'bench_open', '1337', 'bench', 1.45, 'EUR', "
                + now / 1000 + ", " + now + ", 'STARTED', CONCAT('your message is received, session ', " + code("sn")
                + ", ' started')";
    }

    /** The phone of session {@code n}: phone {@code n mod phones}, the first of them the open sessions'. */
    private String msisdn(String n) {
        return "CONCAT('3705', LPAD(" + engine.text("MOD(" + n + ", " + phones + ")") + ", 8, '0'))";
    }

    private String opened(String n) {
        return "(" + start + " + " + n + " * 1000)";
    }

    private String closedAt(String n) {
        return "(" + opened(n) + " + " + (messages - 1) * 1000 + ")";
    }

    /**
     * An 8-character code of the real alphabet for row {@code n}: the 40 bits of {@code n} times an odd constant,
     * modulo 2^40 (a bijection, so the codes are distinct), as 8 base-32 digits.
     */
    private String code(String n) {
        return code(engine, n);
    }

    /** {@link #code(String)} on any engine. */
    static String code(Engine engine, String n) {
        String h = "MOD(" + n + " * 25214903917 + 11, 1099511627776)";
        List<String> digits = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            String shifted = i == 0 ? h : engine.div(h, 1L << (5 * i));
            digits.add("SUBSTRING('" + SessionCode.ALPHABET + "', MOD(" + shifted + ", 32) + 1, 1)");
        }
        return "CONCAT(" + String.join(", ", digits) + ")";
    }

    /** The code {@link #code(String)} gives row {@code n}, computed here. */
    static String codeOf(long n) {
        long h = Math.floorMod(n * 25214903917L + 11, 1L << 40);
        StringBuilder code = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            code.append(SessionCode.ALPHABET.charAt((int) ((h >> (5 * i)) % 32)));
        }
        return code.toString();
    }

    /** The phone number of phone {@code i}, as the stored sessions spell it. */
    static String phone(int i) {
        return "3705" + String.format("%08d", i);
    }
}
