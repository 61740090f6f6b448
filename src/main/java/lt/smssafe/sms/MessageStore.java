package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lt.smssafe.persistence.Columns;
import lt.smssafe.persistence.SqlEngine;
import org.hibernate.Session;

/**
 * The one writer of the SMS engine's tables — sessions, messages, the phones' lock rows (through {@link PhoneLock}) and
 * reports about messages never stored — and the reader of what the engine itself needs of them: plain SQL on the
 * connection of the transaction Hibernate opened. (The pages read these tables in {@code queries}, by their own
 * index-ordered statements.) A row is read and inserted through its class's column list ({@link
 * PaymentSession#COLUMNS}, {@link ReceivedMessage#COLUMNS}); the rules stay with the classes: a session read here
 * counts a message itself, a stored message compares a copy itself.
 *
 * <p>Every paid message runs these statements (docs/protocol.md §3), so they are kept to what the work needs — a row is
 * read whole by its key (one list of columns for every read of a class), but no entity in a persistence context,
 * nothing dirty-checked at commit, no generated key read back unless it is used, an update of only the columns a
 * message or a report changes — and their cost is the endpoint's (issue 15, docs/performance.md).
 */
final class MessageStore {
    private static final String SESSION = "SELECT " + PaymentSession.COLUMNS.select("s") + " FROM smssafe_session s";
    private static final String MESSAGE = "SELECT " + ReceivedMessage.COLUMNS.select("m") + " FROM smssafe_message m";
    private static final String FIND_MESSAGE = MESSAGE + " WHERE m.safe_id = ? AND m.dialect = ? AND m.message_id = ?";
    /**
     * Through the phone's lock row, which every message has just written and which names the phone's last session
     * (schema v6): two reads by primary key, whatever the number of sessions stored. The phone's index walked
     * instead holds an entry for every session ever opened, and a million closed sessions made that walk the
     * message's dearest read on the embedded H2 (issue 15, docs/performance.md).
     */
    static final String FIND_UNCLOSED = unclosedThrough(PhoneLock.lastSessionColumn(false));
    static final String FIND_UNCLOSED_TEST = unclosedThrough(PhoneLock.lastSessionColumn(true));
    /** What a message changes in its session; the version guards against a writer that did not take the lock. */
    private static final String COUNT = "UPDATE smssafe_session SET received_messages = ?, total = ?,"
            + " last_message_at = ?, wait_until = ?, closed_at = ?, version = version + 1"
            + " WHERE id = ? AND version = ?";
    /**
     * The lists' rows (schema v12): an unclosed session's place in the newest-activity order, moved by each of its
     * messages; a closed one's, written once when it closes. Rows of their own, so that the session row, which every
     * message updates, carries no index in that order: H2 rewrites every index of a row it updates.
     */
    private static final String OPEN_ACTIVITY = "INSERT INTO smssafe_open_session (session_id, safe_id, test,"
            + " last_message_at) VALUES (?, ?, ?, ?)";
    private static final String MOVE_ACTIVITY = "UPDATE smssafe_open_session SET last_message_at = ?"
            + " WHERE session_id = ?";
    private static final String END_ACTIVITY = "DELETE FROM smssafe_open_session WHERE session_id = ?";
    private static final String CLOSED_ACTIVITY = "INSERT INTO smssafe_closed_session (session_id, safe_id,"
            + " closed_at) VALUES (?, ?, ?)";
    /** What a reversal of one of its messages changes in a session, guarded alike. */
    private static final String REVERSE_SESSION = "UPDATE smssafe_session SET received_messages = ?, total = ?,"
            + " wait_until = ?, reversed_at = ?, reversed_total = ?, version = version + 1"
            + " WHERE id = ? AND version = ?";
    private static final String REVERSE_MESSAGE = "UPDATE smssafe_message SET reversed_at = ? WHERE id = ?";
    /** The reversed sessions' list (schema v11), written once per session, by its first reversal. */
    private static final String LIST_REVERSED = "INSERT INTO smssafe_reversal (session_id, safe_id, reversed_at)"
            + " VALUES (?, ?, ?)";
    private static final String FIND_UNMATCHED = "SELECT id, reports FROM smssafe_unmatched_report"
            + " WHERE safe_id = ? AND dialect = ? AND message_id = ? AND status = ?";
    private static final String UNMATCHED_AGAIN = "UPDATE smssafe_unmatched_report SET reports = ?, received_at = ?"
            + " WHERE id = ?";
    private static final String INSERT_UNMATCHED = "INSERT INTO smssafe_unmatched_report (safe_id, dialect,"
            + " message_id, status, received_at, reports) VALUES (?, ?, ?, ?, ?, 1)";

    private final Connection connection;
    private final long safeId;

    private static String unclosedThrough(String column) {
        return "SELECT " + PaymentSession.COLUMNS.select("s") + " FROM smssafe_phone p JOIN smssafe_session s"
                + " ON s.id = p." + column + " WHERE p.safe_id = ? AND p.dialect = ? AND p.msisdn = ?"
                + " AND s.closed_at IS NULL";
    }

    MessageStore(Connection connection, long safeId) {
        this.connection = connection;
        this.safeId = safeId;
    }

    /** Statements of the store, on the connection they run on. */
    @FunctionalInterface
    interface Work<T> {
        T run(MessageStore store) throws SQLException;
    }

    /** Runs the work on this safe's store of the transaction {@code em} belongs to: plain SQL on its connection. */
    static <T> T on(EntityManager em, long safeId, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(connection -> work.run(new MessageStore(connection, safeId)));
    }

    /**
     * Takes the phone's lock row (see {@link PhoneLock#take}): always the transaction's first statement.
     *
     * @return whether the row was created: the phone's first message, which has no session to look up
     */
    boolean lockPhone(SqlEngine engine, String dialect, String msisdn) throws SQLException {
        return PhoneLock.take(connection, engine, safeId, dialect, msisdn);
    }

    /**
     * The phone's unclosed session of this dialect (test messages have their own), if it has one. Read under the
     * phone's lock, whose row {@link #insert(PaymentSession)} keeps naming it.
     */
    Optional<PaymentSession> unclosed(PaidMessage message) throws SQLException {
        return one(PaymentSession.COLUMNS, message.test() ? FIND_UNCLOSED_TEST : FIND_UNCLOSED, safeId,
                message.dialect(), message.msisdn());
    }

    /** This safe's session with this code. */
    Optional<PaymentSession> session(String code) throws SQLException {
        return one(PaymentSession.COLUMNS, SESSION + " WHERE s.safe_id = ? AND s.code = ?", safeId, code);
    }

    /** The session with this id. */
    Optional<PaymentSession> session(long id) throws SQLException {
        return one(PaymentSession.COLUMNS, SESSION + " WHERE s.id = ?", id);
    }

    /**
     * Inserts a new session with its first message counted, gives it its id and, when it stays open, names it on
     * its phone's lock row. A code already taken in this safe fails here on the unique key, and the whole message is
     * retried with a new code.
     */
    void insert(PaymentSession session) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(PaymentSession.COLUMNS.insert(),
                Statement.RETURN_GENERATED_KEYS)) {
            PaymentSession.COLUMNS.bindInsert(insert, session);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new IllegalStateException("no id generated for session " + session.code().value());
                }
                PaymentSession.COLUMNS.generated(key, session);
            }
        }
        if (session.closedAt().isEmpty()) {
            // the phone's next message finds it through its lock row; one that closed at once is never looked up
            PhoneLock.lastSession(connection, safeId, session.dialect(), session.msisdn(), session.test(),
                    session.id());
            listOpen(session);
        } else {
            listClosed(session);
        }
    }

    /** Writes what {@link PaymentSession#accept} changed in a stored session, and moves it in the lists. */
    void counted(PaymentSession session) throws SQLException {
        update(session, COUNT, session.receivedMessages(), session.total(), session.lastMessageAt(),
                session.waitUntil().orElse(null), session.closedAt().orElse(null));
        if (session.closedAt().isPresent()) {
            run(END_ACTIVITY, session.id());
            listClosed(session);
        } else if (run(MOVE_ACTIVITY, session.lastMessageAt(), session.id()) == 0) {
            // opened by a node of a version before v12 during a rolling upgrade (docs/nodes.md): listed from now on
            listOpen(session);
        }
    }

    private void listOpen(PaymentSession session) throws SQLException {
        run(OPEN_ACTIVITY, session.id(), safeId, session.test(), session.lastMessageAt());
    }

    private void listClosed(PaymentSession session) throws SQLException {
        run(CLOSED_ACTIVITY, session.id(), safeId, session.closedAt().orElseThrow());
    }

    /** Writes what {@link PaymentSession#reverse} changed in a stored session. */
    void reversed(PaymentSession session) throws SQLException {
        update(session, REVERSE_SESSION, session.receivedMessages(), session.total(),
                session.waitUntil().orElse(null), session.reversedAt().orElse(null), session.reversedTotal());
    }

    /**
     * Puts a closed session on the list of reversed ones, at its first reversal (its {@code reversed_at}); called
     * after {@link #reversed(PaymentSession)}, whose version check has made this transaction the session's only
     * writer, so the row is written once.
     */
    void listReversed(PaymentSession session) throws SQLException {
        run(LIST_REVERSED, session.id(), safeId, session.reversedAt().orElseThrow());
    }

    /** Runs a session's update, which ends with its id and the version it was read with. */
    private void update(PaymentSession session, String sql, Object... changed) throws SQLException {
        Object[] parameters = new Object[changed.length + 2];
        System.arraycopy(changed, 0, parameters, 0, changed.length);
        parameters[changed.length] = session.id();
        parameters[changed.length + 1] = session.version();
        if (run(sql, parameters) != 1) {
            // changed since it was read, by a writer outside the phone's lock: the transaction runs again
            throw new OptimisticLockException("session " + session.code().value() + " changed meanwhile");
        }
    }

    /** This safe's message of this dialect with this id. */
    Optional<ReceivedMessage> message(String dialect, String messageId) throws SQLException {
        return one(ReceivedMessage.COLUMNS, FIND_MESSAGE, safeId, dialect, messageId);
    }

    /** The message with this row id. */
    Optional<ReceivedMessage> message(long id) throws SQLException {
        return one(ReceivedMessage.COLUMNS, MESSAGE + " WHERE m.id = ?", id);
    }

    /** The messages of this session, in the order they arrived. */
    List<ReceivedMessage> messagesOf(long sessionId) throws SQLException {
        return all(ReceivedMessage.COLUMNS, MESSAGE + " WHERE m.session_id = ? ORDER BY m.received_at, m.id",
                sessionId);
    }

    /**
     * Keeps the message with what happened to it. A copy of a stored message (a retry, or one arriving at the same
     * moment) fails here on the unique key, and the next attempt answers it from storage.
     */
    void insert(ReceivedMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ReceivedMessage.COLUMNS.insert())) {
            ReceivedMessage.COLUMNS.bindInsert(insert, message);
            insert.executeUpdate();
        }
    }

    /** Writes that {@link ReceivedMessage#reverse} marked the message. */
    void reversed(ReceivedMessage message) throws SQLException {
        run(REVERSE_MESSAGE, message.reversedAt().orElseThrow(), message.id());
    }

    /**
     * Keeps a gateway's report about a message never stored (docs/protocol.md §8.1), for the site owner to look into
     * on {@code /select}, or counts it once more when the same report came before. A simultaneous copy fails on the
     * unique key at the insert and is retried into the count.
     */
    void unmatched(DeliveryReport report, Instant now) throws SQLException {
        record Earlier(long id, int reports) {
        }
        Optional<Earlier> earlier;
        try (PreparedStatement find = prepare(FIND_UNMATCHED, safeId, report.dialect(), report.messageId(),
                report.status()); ResultSet row = find.executeQuery()) {
            earlier = row.next() ? Optional.of(new Earlier(row.getLong(1), row.getInt(2))) : Optional.empty();
        }
        if (earlier.isPresent()) {
            run(UNMATCHED_AGAIN, earlier.get().reports() + 1, now, earlier.get().id());
        } else {
            run(INSERT_UNMATCHED, safeId, report.dialect(), report.messageId(), report.status(), now);
        }
    }

    private <T> Optional<T> one(Columns<T> columns, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(sql, parameters); ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(columns.read(row)) : Optional.empty();
        }
    }

    private <T> List<T> all(Columns<T> columns, String sql, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement select = prepare(sql, parameters); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(columns.read(row));
            }
        }
        return rows;
    }

    private int run(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** The statement with its parameters bound: an instant as epoch milliseconds, a null as a NULL. */
    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // every nullable parameter here is an instant's BIGINT
            statement.setNull(index, Types.BIGINT);
        } else if (value instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof BigDecimal amount) {
            statement.setBigDecimal(index, amount);
        } else {
            statement.setString(index, (String) value);
        }
    }
}
