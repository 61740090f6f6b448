package lt.smssafe.bench.baseline;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Stores one verified message and applies it to its phone's session (docs/protocol.md §3) in one JDBC transaction:
 * write the phone's row (insert it if absent), look for the message id, read the unclosed session, insert or update
 * it, insert the message, owe the action on close, commit. A concurrent copy of the message or a colliding code
 * fails on a unique key and the whole transaction runs again (then answered from storage), as does a deadlock.
 */
final class BaselineStore {
    /** A verified message; country in lower case, currency in upper case. */
    record Message(String messageId, String msisdn, String country, String operator, String shortcode,
            String content, BigDecimal cost, String currency, long gatewayTime) {
    }

    private static final int MAX_ATTEMPTS = 20;
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static final String LOCK_MARIADB = "INSERT INTO baseline_phone (safe_id, msisdn, writes) VALUES (?, ?, 0)"
            + " ON DUPLICATE KEY UPDATE writes = writes + 1";
    private static final String LOCK_H2 = "MERGE INTO baseline_phone t USING (VALUES (CAST(? AS BIGINT),"
            + " CAST(? AS VARCHAR(20)))) AS s (safe_id, msisdn) ON t.safe_id = s.safe_id AND t.msisdn = s.msisdn"
            + " WHEN MATCHED THEN UPDATE SET writes = t.writes + 1"
            + " WHEN NOT MATCHED THEN INSERT (safe_id, msisdn, writes) VALUES (s.safe_id, s.msisdn, 0)";
    private static final String FIND_MESSAGE = "SELECT msisdn, country, provider, shortcode, content, cost_local,"
            + " currency, reply FROM baseline_message WHERE safe_id = ? AND message_id = ?";
    private static final String FIND_UNCLOSED = "SELECT id, code, required_messages, received_messages, wait_until"
            + " FROM baseline_session WHERE safe_id = ? AND msisdn = ? AND closed_at IS NULL";
    private static final String INSERT_SESSION = "INSERT INTO baseline_session (safe_id, code, msisdn, country,"
            + " provider, content, required_messages, received_messages, total, currency, opened_at, last_message_at,"
            + " wait_until, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)";
    private static final String COUNT_IN_SESSION = "UPDATE baseline_session SET received_messages = ?,"
            + " total = total + ?, last_message_at = ?, wait_until = ?, closed_at = ? WHERE id = ?";
    private static final String REJECT_IN_SESSION = "UPDATE baseline_session SET last_message_at = ? WHERE id = ?";
    private static final String INSERT_MESSAGE = "INSERT INTO baseline_message (safe_id, message_id, session_id,"
            + " msisdn, country, provider, shortcode, content, cost_local, currency, provider_time, received_at,"
            + " outcome, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OWE_ACTION = "INSERT INTO baseline_action (safe_id, reference, created_at, attempts,"
            + " next_attempt_at) VALUES (?, ?, ?, 0, ?)";

    private final DataSource dataSource;
    private final String lockPhone;
    private final long safe;
    private final Map<String, Integer> messageCounts;
    private final int defaultMessages;
    private final long delayMillis;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param messageCounts N by {@code country:operator}, as the rates say; {@code defaultMessages} for the others
     */
    BaselineStore(DataSource dataSource, boolean mariaDb, long safe, Map<String, Integer> messageCounts,
            int defaultMessages, Duration delay) {
        this.dataSource = dataSource;
        this.lockPhone = mariaDb ? LOCK_MARIADB : LOCK_H2;
        this.safe = safe;
        this.messageCounts = Map.copyOf(messageCounts);
        this.defaultMessages = defaultMessages;
        this.delayMillis = delay.toMillis();
    }

    /**
     * Processes the message and returns the answer.
     *
     * @throws SQLException when the database failed, or kept conflicting: nothing was stored
     */
    BaselineEndpoint.Reply process(Message message) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    BaselineEndpoint.Reply reply = processOnce(connection, message);
                    connection.commit();
                    return reply;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!conflict(e) || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            pause(attempt);
        }
    }

    private BaselineEndpoint.Reply processOnce(Connection c, Message m) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(lockPhone)) {
            lock.setLong(1, safe);
            lock.setString(2, m.msisdn());
            lock.executeUpdate();
        }
        // read under the lock, so that arrival times follow the order in which messages are counted
        long now = System.currentTimeMillis();
        try (PreparedStatement find = c.prepareStatement(FIND_MESSAGE)) {
            find.setLong(1, safe);
            find.setString(2, m.messageId());
            try (ResultSet earlier = find.executeQuery()) {
                if (earlier.next()) {
                    return sameValues(earlier, m) ? new BaselineEndpoint.Reply(200, earlier.getString(8))
                            : new BaselineEndpoint.Reply(409, "message_id reused");
                }
            }
        }
        long sessionId;
        String code;
        String kind;
        long left = 0;
        try (PreparedStatement find = c.prepareStatement(FIND_UNCLOSED)) {
            find.setLong(1, safe);
            find.setString(2, m.msisdn());
            try (ResultSet unclosed = find.executeQuery()) {
                if (unclosed.next()) {
                    sessionId = unclosed.getLong(1);
                    code = unclosed.getString(2);
                    int required = unclosed.getInt(3);
                    int received = unclosed.getInt(4);
                    long waitUntil = unclosed.getLong(5);
                    boolean waits = !unclosed.wasNull();
                    if (waits && now < waitUntil) {
                        kind = "WAIT";
                        left = waitUntil - now;
                        reject(c, sessionId, now);
                    } else {
                        received++;
                        kind = kind(received, required);
                        Long newWait = "LAST".equals(kind) ? Long.valueOf(now + delayMillis)
                                : waits ? Long.valueOf(waitUntil) : null;
                        left = delayMillis;
                        count(c, sessionId, received, m.cost(), now, newWait, "CLOSED".equals(kind));
                    }
                } else {
                    int required = messageCounts.getOrDefault(m.country() + ":" + m.operator(), defaultMessages);
                    kind = kind(1, required);
                    left = delayMillis;
                    code = code();
                    sessionId = open(c, m, code, required, kind, now);
                }
            }
        }
        String reply = reply(kind, code, left);
        try (PreparedStatement insert = c.prepareStatement(INSERT_MESSAGE)) {
            insert.setLong(1, safe);
            insert.setString(2, m.messageId());
            insert.setLong(3, sessionId);
            insert.setString(4, m.msisdn());
            insert.setString(5, m.country());
            insert.setString(6, m.operator());
            insert.setString(7, m.shortcode());
            insert.setString(8, m.content());
            insert.setBigDecimal(9, m.cost());
            insert.setString(10, m.currency());
            insert.setLong(11, m.gatewayTime());
            insert.setLong(12, now);
            insert.setString(13, kind);
            insert.setString(14, reply);
            insert.executeUpdate();
        }
        if ("CLOSED".equals(kind)) {
            try (PreparedStatement owe = c.prepareStatement(OWE_ACTION)) {
                owe.setLong(1, safe);
                owe.setString(2, code);
                owe.setLong(3, now);
                owe.setLong(4, now);
                owe.executeUpdate();
            }
        }
        return new BaselineEndpoint.Reply(200, reply);
    }

    /** The reply for the k-th counted message of N (docs/protocol.md §3), the first rule that applies. */
    private String kind(int received, int required) {
        if (received == required) {
            return "CLOSED";
        }
        if (received == required - 1 && delayMillis > 0) {
            return "LAST";
        }
        return received == 1 ? "STARTED" : "NEXT";
    }

    private long open(Connection c, Message m, String code, int required, String kind, long now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_SESSION, Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, safe);
            insert.setString(2, code);
            insert.setString(3, m.msisdn());
            insert.setString(4, m.country());
            insert.setString(5, m.operator());
            insert.setString(6, m.content());
            insert.setInt(7, required);
            insert.setBigDecimal(8, m.cost());
            insert.setString(9, m.currency());
            insert.setLong(10, now);
            insert.setLong(11, now);
            setNullable(insert, 12, "LAST".equals(kind) ? Long.valueOf(now + delayMillis) : null);
            setNullable(insert, 13, "CLOSED".equals(kind) ? Long.valueOf(now) : null);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void count(Connection c, long sessionId, int received, BigDecimal cost, long now, Long waitUntil,
            boolean closes) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(COUNT_IN_SESSION)) {
            update.setInt(1, received);
            update.setBigDecimal(2, cost);
            update.setLong(3, now);
            setNullable(update, 4, waitUntil);
            setNullable(update, 5, closes ? Long.valueOf(now) : null);
            update.setLong(6, sessionId);
            update.executeUpdate();
        }
    }

    private static void reject(Connection c, long sessionId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(REJECT_IN_SESSION)) {
            update.setLong(1, now);
            update.setLong(2, sessionId);
            update.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static boolean sameValues(ResultSet stored, Message m) throws SQLException {
        return stored.getString(1).equals(m.msisdn()) && stored.getString(2).equals(m.country())
                && stored.getString(3).equals(m.operator()) && stored.getString(4).equals(m.shortcode())
                && stored.getString(5).equals(m.content()) && stored.getBigDecimal(6).compareTo(m.cost()) == 0
                && stored.getString(7).equals(m.currency());
    }

    private String code() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    private static String reply(String kind, String code, long leftMillis) {
        return switch (kind) {
            case "STARTED" -> "your message is received, session " + code + " started";
            case "NEXT" -> "your message is received for session " + code;
            case "LAST" -> "your message is received for session " + code + ", DO NOT send the last message ("
                    + timeLeft(leftMillis) + " left)";
            case "CLOSED" -> "your message is received, session " + code + " closed";
            default -> "error. your message cannot be processed (" + timeLeft(leftMillis) + " left)";
        };
    }

    /** Whole minutes rounded up, as {@code H hours M minutes}, singular for 1. */
    private static String timeLeft(long millis) {
        long minutes = (millis + 59_999) / 60_000;
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + (hours == 1 ? " hour " : " hours ") + rest + (rest == 1 ? " minute" : " minutes");
    }

    /** A unique key met a concurrent insert (a copy of the message, the same new phone, a code), or a deadlock. */
    private static boolean conflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * Math.min(attempt, 10) + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
