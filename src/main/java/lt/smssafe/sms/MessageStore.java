package lt.smssafe.sms;

import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The statements of one paid message's transaction (docs/protocol.md §3) as plain SQL on the connection of the
 * transaction Hibernate opened: the hot path of every gateway's endpoint. They run for every message, so they are
 * exactly what the work needs and no more — no entity in a persistence context, nothing dirty-checked at commit, no
 * generated key read back unless it is used, an update of only the columns a message changes — and their cost is
 * the endpoint's (issue 15, docs/performance.md). Everything else reads and writes these tables through the
 * entities; the rules stay there too: a session read here is a {@link PaymentSession} that counts the message
 * itself, a stored message a {@link ReceivedMessage} that compares a copy itself. The columns are theirs.
 */
final class MessageStore {
    private static final String FIND_MESSAGE = "SELECT message_id, test, msisdn, country, provider, shortcode,"
            + " content, cost_local, currency, reply FROM smssafe_message"
            + " WHERE safe_id = ? AND dialect = ? AND message_id = ?";
    /**
     * Through the phone's lock row, which every message has just written and which names the phone's last session
     * (schema v6): two reads by primary key, whatever the number of sessions stored. The phone's index walked
     * instead holds an entry for every session ever opened, and a million closed sessions made that walk the
     * message's dearest read on the embedded H2 (issue 15, docs/performance.md).
     */
    static final String FIND_UNCLOSED = unclosedThrough(PhoneLock.lastSessionColumn(false));
    static final String FIND_UNCLOSED_TEST = unclosedThrough(PhoneLock.lastSessionColumn(true));
    private static final String INSERT_SESSION = "INSERT INTO smssafe_session (safe_id, dialect, test, code, msisdn,"
            + " country, provider, content, required_messages, received_messages, total, currency, opened_at,"
            + " last_message_at, wait_until, closed_at, reversed_total, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)";
    /** What a message changes in its session; the version guards against a writer that did not take the lock. */
    private static final String COUNT = "UPDATE smssafe_session SET received_messages = ?, total = ?,"
            + " last_message_at = ?, wait_until = ?, closed_at = ?, version = version + 1"
            + " WHERE id = ? AND version = ?";
    private static final String INSERT_MESSAGE = "INSERT INTO smssafe_message (safe_id, dialect, test, message_id,"
            + " session_id, msisdn, country, provider, shortcode, content, cost_local, currency, provider_time,"
            + " received_at, outcome, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final long safeId;

    private static String unclosedThrough(String column) {
        return "SELECT s.id, s.code, s.country, s.provider, s.content, s.required_messages, s.received_messages,"
                + " s.total, s.currency, s.opened_at, s.last_message_at, s.wait_until, s.version"
                + " FROM smssafe_phone p JOIN smssafe_session s ON s.id = p." + column
                + " WHERE p.safe_id = ? AND p.dialect = ? AND p.msisdn = ? AND s.closed_at IS NULL";
    }

    MessageStore(Connection connection, long safeId) {
        this.connection = connection;
        this.safeId = safeId;
    }

    /** The message of this dialect with this id, as far as a copy is compared with it and answered from it. */
    Optional<ReceivedMessage> find(String dialect, String messageId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND_MESSAGE)) {
            find.setLong(1, safeId);
            find.setString(2, dialect);
            find.setString(3, messageId);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(ReceivedMessage.stored(row.getString(1), row.getBoolean(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.getBigDecimal(8), row.getString(9), row.getString(10)));
            }
        }
    }

    /**
     * The phone's unclosed session of this dialect (test messages have their own), if it has one. Read under the
     * phone's lock, whose row {@link #insert(PaymentSession)} keeps naming it.
     */
    Optional<PaymentSession> unclosed(PaidMessage message) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(message.test() ? FIND_UNCLOSED_TEST
                : FIND_UNCLOSED)) {
            find.setLong(1, safeId);
            find.setString(2, message.dialect());
            find.setString(3, message.msisdn());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(PaymentSession.stored(row.getLong(1), safeId, message.dialect(), message.test(),
                        message.msisdn(), row.getString(3), row.getString(4), row.getString(2), row.getString(5),
                        row.getInt(6), row.getInt(7), row.getBigDecimal(8), row.getString(9),
                        Instant.ofEpochMilli(row.getLong(10)), Instant.ofEpochMilli(row.getLong(11)),
                        instant(row, 12), row.getInt(13)));
            }
        }
    }

    /**
     * Inserts a new session with its first message counted, gives it its id and, when it stays open, names it on
     * its phone's lock row. A code already taken in this safe fails here on the unique key, and the whole message is
     * retried with a new code.
     */
    void insert(PaymentSession session) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SESSION,
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, safeId);
            insert.setString(2, session.dialect());
            insert.setBoolean(3, session.test());
            insert.setString(4, session.code().value());
            insert.setString(5, session.msisdn());
            insert.setString(6, session.country());
            insert.setString(7, session.provider());
            insert.setString(8, session.content());
            insert.setInt(9, session.requiredMessages());
            insert.setInt(10, session.receivedMessages());
            insert.setBigDecimal(11, session.total());
            insert.setString(12, session.currency());
            insert.setLong(13, session.openedAt().toEpochMilli());
            insert.setLong(14, session.lastMessageAt().toEpochMilli());
            setInstant(insert, 15, session.waitUntil());
            setInstant(insert, 16, session.closedAt());
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new IllegalStateException("no id generated for session " + session.code().value());
                }
                session.storedAs(key.getLong(1));
            }
        }
        if (session.closedAt().isEmpty()) {
            // the phone's next message finds it through its lock row; one that closed at once is never looked up
            PhoneLock.lastSession(connection, safeId, session.dialect(), session.msisdn(), session.test(),
                    session.id());
        }
    }

    /** Writes what {@link PaymentSession#accept} changed in a stored session. */
    void update(PaymentSession session) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(COUNT)) {
            update.setInt(1, session.receivedMessages());
            update.setBigDecimal(2, session.total());
            update.setLong(3, session.lastMessageAt().toEpochMilli());
            setInstant(update, 4, session.waitUntil());
            setInstant(update, 5, session.closedAt());
            update.setLong(6, session.id());
            update.setInt(7, session.version());
            if (update.executeUpdate() != 1) {
                // changed since it was read, by a writer outside the phone's lock: the message runs again
                throw new OptimisticLockException("session " + session.code().value() + " changed meanwhile");
            }
        }
    }

    /**
     * Keeps the message with what happened to it. A copy of a stored message (a retry, or one arriving at the same
     * moment) fails here on the unique key, and the next attempt answers it from storage.
     *
     * @param sessionId the session it was counted for or rejected by; null for an unattributed message
     */
    void insert(PaidMessage message, Long sessionId, Instant now, ReplyKind outcome, String reply)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_MESSAGE)) {
            insert.setLong(1, safeId);
            insert.setString(2, message.dialect());
            insert.setBoolean(3, message.test());
            insert.setString(4, message.messageId());
            setNullable(insert, 5, sessionId);
            insert.setString(6, message.msisdn());
            insert.setString(7, message.country());
            insert.setString(8, message.provider());
            insert.setString(9, message.shortcode());
            insert.setString(10, message.content());
            insert.setBigDecimal(11, message.cost());
            insert.setString(12, message.currency());
            insert.setLong(13, message.providerTime());
            insert.setLong(14, now.toEpochMilli());
            insert.setString(15, outcome.name());
            insert.setString(16, reply);
            insert.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException {
        setNullable(statement, index, value.map(Instant::toEpochMilli).orElse(null));
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
