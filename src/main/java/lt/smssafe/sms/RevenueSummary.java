package lt.smssafe.sms;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import lt.smssafe.persistence.Database;
import lt.smssafe.persistence.SqlEngine;
import org.hibernate.Session;

/**
 * The dashboard's paid sessions and revenue per day, kept by the write path (schema v9, issue 23) so that the
 * dashboard reads a few rows per day instead of every session that closed in its month. One place holds what the
 * dashboard counts: a closed session that is not a test, on the day it closed (in the pages' time zone), with its
 * total less what gateways later reversed of it (docs/protocol.md §8: it stays paid, on that day).
 *
 * <p>The message that closes a session adds it ({@link #closed}), a reversal of one of its messages takes the amount
 * off again ({@link #reversed}): one upsert on the message's transaction, on the row of (day, country, operator,
 * currency, slot). The slot is the session's id modulo {@value #SLOTS}, so that sessions closing at the same moment
 * seldom wait for one row, on one node or on several (Galera certifies them against each other only when they write
 * the same row). The days are in one time zone; a safe whose summary is in another zone, or was never built (a
 * database migrated from schema v8 with its sessions), is counted again from the sessions at start-up
 * ({@link #rebuildIfNeeded}).
 */
public final class RevenueSummary {
    /** How many rows one day's series is spread over. */
    public static final int SLOTS = 8;
    /** Sessions read from the database at a time while the summary is rebuilt. */
    private static final int FETCH_SIZE = 1_000;
    private static final int BATCH = 500;
    private static final String KEY = "safe_id = ? AND closed_on = ? AND country = ? AND provider = ? AND currency = ?"
            + " AND slot = ?";
    private static final String INSERT = "INSERT INTO smssafe_revenue_day (safe_id, closed_on, country, provider,"
            + " currency, slot, payments, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** MariaDB's upsert: one statement that creates the row or adds to it, holding its lock either way. */
    private static final String UPSERT = INSERT + " ON DUPLICATE KEY UPDATE payments = payments + ?,"
            + " revenue = revenue + ?";
    /**
     * On H2 the row is updated and, when it is not there yet (the first session of its day, series and slot), inserted:
     * two closes inserting the same row at once fail on its key and one is retried, then updates it.
     */
    private static final String ADD = "UPDATE smssafe_revenue_day SET payments = payments + ?, revenue = revenue + ?"
            + " WHERE " + KEY;
    private static final String SESSIONS = "SELECT id, closed_at, country, provider, currency, total, reversed_total"
            + " FROM smssafe_session WHERE safe_id = ? AND closed_at IS NOT NULL AND test = FALSE";

    private final long safeId;
    private final ZoneId zone;

    /** @param zone the pages' time zone, in which the days begin and end */
    public RevenueSummary(long safeId, ZoneId zone) {
        this.safeId = safeId;
        this.zone = zone;
    }

    public long safeId() {
        return safeId;
    }

    public ZoneId zone() {
        return zone;
    }

    /** What the dashboard counts of a session: every session but a test one. */
    public static boolean counts(boolean test) {
        return !test;
    }

    /** A counted session's revenue: its total less what gateways reversed of it. */
    public static BigDecimal revenue(BigDecimal total, BigDecimal reversed) {
        return total.subtract(reversed);
    }

    /** The day a session that closed at {@code closedAt} is counted on. */
    public LocalDate dayOf(Instant closedAt) {
        return closedAt.atZone(zone).toLocalDate();
    }

    /** Counts a session the message on this connection's transaction just closed (a test session is not counted). */
    void closed(Connection connection, SqlEngine engine, PaymentSession session) throws SQLException {
        if (counts(session.test())) {
            add(connection, engine, session, 1, revenue(session.total(), session.reversedTotal()));
        }
    }

    /** Takes a reversed message's cost off the revenue of the closed session it had paid into. */
    void reversed(Connection connection, SqlEngine engine, PaymentSession session, BigDecimal cost)
            throws SQLException {
        if (counts(session.test())) {
            add(connection, engine, session, 0, cost.negate());
        }
    }

    private void add(Connection connection, SqlEngine engine, PaymentSession session, long payments,
            BigDecimal revenue) throws SQLException {
        LocalDate day = dayOf(session.closedAt().orElseThrow(() -> new IllegalStateException("session "
                + session.code() + " is not closed")));
        Key key = new Key(day, session.country(), session.operator(), session.currency(), slot(session.id()));
        if (engine == SqlEngine.MARIADB) {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                int next = setRow(upsert, key, payments, revenue);
                upsert.setLong(next, payments);
                upsert.setBigDecimal(next + 1, revenue);
                upsert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(ADD)) {
            update.setLong(1, payments);
            update.setBigDecimal(2, revenue);
            setKey(update, 3, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            setRow(insert, key, payments, revenue);
            insert.executeUpdate();
        }
    }

    /** The row of {@code smssafe_revenue_day} a session is counted in, less its safe. */
    private record Key(LocalDate day, String country, String operator, String currency, int slot) {
    }

    /** The slot of the session with this id. */
    private static int slot(long sessionId) {
        return (int) Math.floorMod(sessionId, (long) SLOTS);
    }

    /** Binds {@link #KEY}'s values, the safe first, from parameter {@code first} on; returns the next one's index. */
    private int setKey(PreparedStatement statement, int first, Key key) throws SQLException {
        statement.setLong(first, safeId);
        statement.setObject(first + 1, key.day());
        statement.setString(first + 2, key.country());
        statement.setString(first + 3, key.operator());
        statement.setString(first + 4, key.currency());
        statement.setInt(first + 5, key.slot());
        return first + 6;
    }

    /** Binds {@link #INSERT}'s values; returns the next parameter's index. */
    private int setRow(PreparedStatement statement, Key key, long payments, BigDecimal revenue) throws SQLException {
        int next = setKey(statement, 1, key);
        statement.setLong(next, payments);
        statement.setBigDecimal(next + 1, revenue);
        return next + 2;
    }

    /**
     * Counts the summary again from the sessions when it is in another time zone than this one or was never built, in
     * one transaction that first locks the safe's row of {@code smssafe_summary}: of nodes starting at once, one
     * rebuilds and the others wait for it and then find the summary built (on Galera, where that lock is a node's
     * own, the rebuilds that wrote the same rows conflict at commit and the loser, retried, finds it built). A close
     * on another node waits for the rebuild's locks (MariaDB) and adds to the rebuilt rows after it; the sessions are
     * read after the old rows were deleted, so none is counted twice or lost. Meant to run before this node takes
     * messages.
     *
     * @return whether it was rebuilt
     */
    public boolean rebuildIfNeeded(Database database, Clock clock) {
        return database.inRetriedTransaction(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            String built = lockMeta(connection);
            if (zone.getId().equals(built)) {
                return false;
            }
            rebuild(connection);
            try (PreparedStatement done = connection.prepareStatement("UPDATE smssafe_summary SET time_zone = ?,"
                    + " built_at = ? WHERE safe_id = ?")) {
                done.setString(1, zone.getId());
                done.setLong(2, clock.millis());
                done.setLong(3, safeId);
                done.executeUpdate();
            }
            return true;
        }));
    }

    /** Locks the safe's summary row, creating it (not built) when there is none; returns its time zone, if built. */
    private String lockMeta(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT time_zone FROM smssafe_summary"
                + " WHERE safe_id = ? FOR UPDATE")) {
            lock.setLong(1, safeId);
            try (ResultSet row = lock.executeQuery()) {
                if (row.next()) {
                    return row.getString(1);
                }
            }
        }
        // a node creating it at the same moment makes this fail on the key; the transaction is retried and waits
        updateSafe(connection, "INSERT INTO smssafe_summary (safe_id, time_zone, built_at) VALUES (?, NULL, NULL)");
        return null;
    }

    /** Replaces the safe's rows by a count of its closed sessions, read once, aggregated here. */
    private void rebuild(Connection connection) throws SQLException {
        updateSafe(connection, "DELETE FROM smssafe_revenue_day WHERE safe_id = ?");
        Map<Key, long[]> payments = new HashMap<>();
        Map<Key, BigDecimal> revenues = new HashMap<>();
        try (PreparedStatement sessions = connection.prepareStatement(SESSIONS)) {
            sessions.setLong(1, safeId);
            sessions.setFetchSize(FETCH_SIZE);
            try (ResultSet row = sessions.executeQuery()) {
                while (row.next()) {
                    Key key = new Key(dayOf(Instant.ofEpochMilli(row.getLong(2))), row.getString(3),
                            row.getString(4), row.getString(5), slot(row.getLong(1)));
                    payments.computeIfAbsent(key, k -> new long[1])[0]++;
                    revenues.merge(key, revenue(row.getBigDecimal(6), row.getBigDecimal(7)), BigDecimal::add);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (Map.Entry<Key, long[]> entry : payments.entrySet()) {
                Key key = entry.getKey();
                setRow(insert, key, entry.getValue()[0], revenues.get(key));
                insert.addBatch();
                if (++pending % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Runs a statement whose one parameter is this safe. */
    private void updateSafe(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, safeId);
            statement.executeUpdate();
        }
    }
}
