package lt.smssafe.queries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import lt.smssafe.api.SessionState;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.persistence.SqlEngine;

/**
 * The SQL of the session lists (issue 23): every list of sessions is read in the order of an index, from a keyset
 * position, a page at a time, so that no statement reads more rows than its page shows plus a small constant,
 * whatever the history.
 * <ul>
 * <li>Newest activity first: two streams, the open sessions by their last message ({@code ix_open_activity (safe_id,
 * last_message_at, session_id)}) and the closed ones by {@code closed_at} ({@code ix_closed_latest}), which is their
 * last activity: a session closes on its last message; merged here. Schema v12: each is a table of its own, written
 * by the message store beside the session row, so that the row every message updates carries no index in this order.
 * <li>With a phone filter: {@code ix_session_phone (safe_id, msisdn, id DESC)}, by phone, each phone's newest first.
 * <li>Reversed only: the table of reversed sessions, {@code ix_reversal_latest (safe_id, reversed_at, session_id)},
 * latest reversal first (schema v11: not an index of the session row, which every message updates).
 * <li>A code: {@code uq_session_code}, one row.
 * </ul>
 * A filter no index of the order holds (country, operator, gateway, content, test, redeemed, open or waiting, the
 * days in phone or reversal order) is searched in a window: one request examines at most {@link #WINDOW} entries
 * beyond its position, shows what matched, and says how far back it searched when the page is not full.
 */
final class SessionLists {
    /** Entries of the index one request examines at most for a filter the index does not hold. */
    static final int WINDOW = 2_000;

    private static final String SELECT = "SELECT s.id, s.code, s.msisdn, s.country, s.provider, s.content,"
            + " s.required_messages, s.received_messages, s.total, s.currency, s.opened_at, s.last_message_at,"
            + " s.wait_until, s.closed_at, s.dialect, s.test, s.reversed_at, s.reversed_total, r.redeemed_at,"
            + " r.reference";
    private static final String REDEMPTION = " LEFT JOIN smssafe_redemption r ON r.session_id = s.id";
    /** A session by its code: {@code /check}, {@code /payment} and the API's status. */
    static final String BY_CODE = SELECT + " FROM smssafe_session s" + REDEMPTION
            + " WHERE s.safe_id = ? AND s.code = ?";

    /**
     * A table a stream is read from: its name with its alias, the session's id in it, and how a row of it reaches
     * its session (nothing for the session table itself).
     */
    record Table(String name, String alias, String id, String toSession) {
        String from() {
            return name + " " + alias;
        }
    }

    private static final Table SESSIONS = new Table("smssafe_session", "s", "s.id", "");
    /**
     * Schema v11: the reversed sessions, one row each, written by the first reversal; each entry's session read by
     * its primary key.
     */
    private static final Table REVERSALS = listOfSessions("smssafe_reversal", "v");
    /** Schema v12: the open sessions, one row each while open, and the closed ones, one row each from their close. */
    private static final Table OPEN_SESSIONS = listOfSessions("smssafe_open_session", "o");
    private static final Table CLOSED_SESSIONS = listOfSessions("smssafe_closed_session", "c");

    /** A table of one row per listed session, keyed by its id: each entry's session read by its primary key. */
    private static Table listOfSessions(String name, String alias) {
        return new Table(name, alias, alias + ".session_id", " JOIN smssafe_session s ON s.id = " + alias
                + ".session_id");
    }

    /** An index order the lists are read in: one stream of entries. */
    enum Stream {
        // Each ORDER BY names the index's columns from the first: H2 reads an index in its order (forwards or
        // backwards) only when the ORDER BY does, even where the WHERE fixes the first one (safe_id); MariaDB skips
        // the fixed ones. "x >= 0" (times are positive) rather than "x IS NOT NULL": H2 takes only the former for a
        // range of the index (it read every reversed_at NULL entry after the last reversed session when the reversed
        // sessions were an index of the session row). The index named (hint()): costing by rows alone, H2 read the
        // closed sessions through uq_session_code and sorted them when they were a range of the session row's index.
        OPEN(Cursor.Order.ACTIVITY, OPEN_SESSIONS, "ix_open_activity", "o.last_message_at >= 0", "o.last_message_at",
                "o.safe_id DESC, o.last_message_at DESC, o.session_id DESC"),
        CLOSED(Cursor.Order.ACTIVITY, CLOSED_SESSIONS, "ix_closed_latest", "c.closed_at >= 0", "c.closed_at",
                "c.safe_id DESC, c.closed_at DESC, c.session_id DESC"),
        REVERSED(Cursor.Order.REVERSAL, REVERSALS, "ix_reversal_latest", "v.reversed_at >= 0", "v.reversed_at",
                "v.safe_id DESC, v.reversed_at DESC, v.session_id DESC"),
        PHONE(Cursor.Order.PHONE, SESSIONS, "ix_session_phone", "s.msisdn LIKE ? ESCAPE '!'", "s.msisdn",
                "s.safe_id, s.msisdn, s.id DESC");

        final Cursor.Order order;
        final String index;
        final String holds;
        final String key;
        final String orderBy;
        /** The table the stream's index belongs to. */
        final Table table;

        Stream(Cursor.Order order, Table table, String index, String holds, String key, String orderBy) {
            this.order = order;
            this.table = table;
            this.index = index;
            this.holds = holds;
            this.key = key;
            this.orderBy = orderBy;
        }

        // A keyset position as a range on the key AND a test on the id: neither database ranges over a row
        // comparison, and H2 does not over "key < ? OR (key = ? AND id < ?)" either (it read the index from the
        // newest entry to the position, so the CSV slowed with every page); the range here reads at most the
        // entries that share the position's key beyond the page.

        /** Strictly after {@code at} in this order: older, or a later phone. */
        String after() {
            return this == PHONE ? "s.msisdn >= ? AND (s.msisdn > ? OR s.id < ?)"
                    : key + " <= ? AND (" + key + " < ? OR " + table.id() + " < ?)";
        }

        /** Not after {@code at}: up to and including it. */
        String upTo() {
            return this == PHONE ? "s.msisdn <= ? AND (s.msisdn < ? OR s.id >= ?)"
                    : key + " >= ? AND (" + key + " > ? OR " + table.id() + " >= ?)";
        }

        void bind(List<Object> parameters, Cursor at) {
            Object key = this == PHONE ? at.phone() : (Object) at.at();
            parameters.add(key);
            parameters.add(key);
            parameters.add(at.id());
        }
    }

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    /** The times from {@code from} (included) to {@code to} (excluded) on {@code column}, each end optional. */
    static void within(String column, Optional<Long> from, Optional<Long> to, List<String> conditions,
            List<Object> parameters) {
        from.ifPresent(at -> {
            conditions.add(column + " >= ?");
            parameters.add(at);
        });
        to.ifPresent(at -> {
            conditions.add(column + " < ?");
            parameters.add(at);
        });
    }

    /**
     * What a filter reads: the streams (merged), the conditions their index does not hold, and the days where the
     * index holds them.
     */
    record Plan(List<Stream> streams, String phone, List<String> conditions, List<Object> parameters,
            Optional<Long> from, Optional<Long> to, SqlEngine engine) {
        Cursor.Order order() {
            return streams.get(0).order;
        }

        boolean windowed() {
            return !conditions.isEmpty();
        }

        /** The statement of {@code stream}'s rows after {@code cursor}, up to {@code boundary}, {@code limit} of them. */
        Statement rows(long safeId, Stream stream, Optional<Cursor> cursor, Optional<Cursor> boundary, int limit) {
            String from = " FROM " + stream.table.from() + hint(stream) + stream.table.toSession();
            return statement(SELECT + from + REDEMPTION, true, safeId, stream, cursor, boundary, limit);
        }

        /** The statement of {@code stream}'s index entries (key and id only) after {@code cursor}. */
        Statement keys(long safeId, Stream stream, Optional<Cursor> cursor, int limit) {
            String select = "SELECT " + stream.key + ", " + stream.table.id() + " FROM " + stream.table.from()
                    + hint(stream);
            return statement(select, false, safeId, stream, cursor, Optional.empty(), limit);
        }

        /**
         * The stream's index, named: {@code USE INDEX} on H2; {@code FORCE INDEX} on MariaDB, whose optimizer (10.11)
         * otherwise read the closed stream by the safe's prefix alone, backwards from the newest entry, whenever the
         * statement selects columns the index does not hold, so that each page of the CSV read every session newer
         * than its position (2,266 rows/s over a year, in the pages benchmark), where the named index gives a range.
         */
        private String hint(Stream stream) {
            return (engine == SqlEngine.MARIADB ? " FORCE INDEX (" : " USE INDEX (") + stream.index + ")";
        }

        private Statement statement(String select, boolean filtered, long safeId, Stream stream,
                Optional<Cursor> cursor, Optional<Cursor> boundary, int limit) {
            StringBuilder sql = new StringBuilder(select).append(" WHERE ").append(stream.table.alias())
                    .append(".safe_id = ? AND ").append(stream.holds);
            List<Object> values = new ArrayList<>();
            values.add(safeId);
            if (stream == Stream.PHONE) {
                values.add(phone);
            }
            cursor.ifPresent(c -> {
                sql.append(" AND ").append(stream.after());
                stream.bind(values, c);
            });
            boundary.ifPresent(b -> {
                sql.append(" AND ").append(stream.upTo());
                stream.bind(values, b);
            });
            if (stream.order == Cursor.Order.ACTIVITY) {
                from.ifPresent(at -> {
                    sql.append(" AND ").append(stream.key).append(" >= ?");
                    values.add(at);
                });
                to.ifPresent(at -> {
                    sql.append(" AND ").append(stream.key).append(" < ?");
                    values.add(at);
                });
            }
            if (filtered) {
                conditions.forEach(c -> sql.append(" AND ").append(c));
                values.addAll(parameters);
            }
            sql.append(" ORDER BY ").append(stream.orderBy).append(" LIMIT ").append(limit);
            return new Statement(sql.toString(), values);
        }
    }

    private SessionLists() {
    }

    /**
     * The plan of a filter (without a code: that is {@link #BY_CODE}). {@code state} may also be
     * {@link PaymentFilter#UNCLOSED}.
     */
    static Plan plan(PaymentFilter filter, Instant now, ZoneId zone, SqlEngine engine) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String state = filter.state().orElse("");
        List<Stream> streams;
        if (filter.msisdn().isPresent()) {
            streams = List.of(Stream.PHONE);
            switch (state) {
                case "open", "waiting", PaymentFilter.UNCLOSED -> conditions.add("s.closed_at IS NULL");
                case "closed" -> conditions.add("s.closed_at IS NOT NULL");
                case "reversed" -> conditions.add("s.reversed_at IS NOT NULL");
                default -> { }
            }
        } else if (state.equals("reversed")) {
            streams = List.of(Stream.REVERSED);
        } else if (state.equals("open") || state.equals("waiting") || state.equals(PaymentFilter.UNCLOSED)) {
            streams = List.of(Stream.OPEN);
        } else if (state.equals("closed")) {
            streams = List.of(Stream.CLOSED);
        } else {
            streams = List.of(Stream.OPEN, Stream.CLOSED);
        }
        switch (state) {
            case "open" -> {
                conditions.add("(s.wait_until IS NULL OR s.wait_until <= ?)");
                parameters.add(now.toEpochMilli());
            }
            case "waiting" -> {
                conditions.add("s.wait_until > ?");
                parameters.add(now.toEpochMilli());
            }
            case "closed" -> conditions.add("s.reversed_at IS NULL");
            case "test" -> conditions.add("s.test = TRUE");
            default -> { }
        }
        filter.content().ifPresent(content -> {
            // lower() on both sides: the admin types a part of the text in any case, and the columns compare exactly
            // (utf8mb4_bin on MariaDB, as the migrations make them; H2 too)
            conditions.add("LOWER(s.content) LIKE ? ESCAPE '!'");
            parameters.add("%" + literal(content.toLowerCase(Locale.ROOT)) + "%");
        });
        filter.country().ifPresent(country -> {
            conditions.add("s.country = ?");
            parameters.add(country);
        });
        filter.operator().ifPresent(operator -> {
            conditions.add("s.provider = ?");
            parameters.add(operator);
        });
        filter.dialect().ifPresent(dialect -> {
            conditions.add("s.dialect = ?");
            parameters.add(dialect);
        });
        // COALESCE: "r.id IS NOT NULL" would let MariaDB make the outer join an inner one, read the redemptions first
        // and sort what it found
        filter.redeemed().ifPresent(redeemed -> conditions.add(redeemed ? "COALESCE(r.id, 0) <> 0" : "r.id IS NULL"));
        Optional<Long> from = filter.since(zone).map(Instant::toEpochMilli);
        Optional<Long> to = filter.before(zone).map(Instant::toEpochMilli);
        if (streams.get(0).order != Cursor.Order.ACTIVITY) {
            // the days are the last activity's; an index in phone or reversal order does not hold them
            within("s.last_message_at", from, to, conditions, parameters);
        }
        String phone = filter.msisdn().map(m -> literal(m) + "%").orElse(null);
        return new Plan(streams, phone, conditions, parameters, from, to, engine);
    }

    /**
     * One page of {@code size} from {@code cursor}: each stream read in index order; with conditions its index does
     * not hold, first the window's boundary (the {@link #WINDOW}-th entry of the merged streams' index after the
     * cursor), then the matching rows up to it.
     */
    static Page<SessionStatus> page(Connection connection, long safeId, Plan plan, Optional<Cursor> cursor, int size,
            Instant now) throws SQLException {
        Comparator<Cursor> order = order(plan.order());
        Optional<Cursor> boundary = Optional.empty();
        if (plan.windowed()) {
            List<Cursor> keys = new ArrayList<>();
            for (Stream stream : plan.streams()) {
                keys.addAll(keys(connection, plan.keys(safeId, stream, cursor, WINDOW + 1), stream.order));
            }
            keys.sort(order);
            if (keys.size() > WINDOW) {
                boundary = Optional.of(keys.get(WINDOW - 1));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Stream stream : plan.streams()) {
            rows.addAll(rows(connection, plan.rows(safeId, stream, cursor, boundary, size + 1), stream.order, now,
                    FETCH_ALL));
        }
        rows.sort(Comparator.comparing(Row::at, order));
        List<SessionStatus> items = rows.stream().limit(size).map(Row::status).toList();
        if (rows.size() > size) {
            return new Page<>(items, Optional.of(rows.get(size - 1).at().token()), cursor.isEmpty(),
                    Optional.empty(), Optional.empty());
        }
        if (boundary.isPresent()) {
            Cursor b = boundary.get();
            return new Page<>(items, Optional.of(b.token()), cursor.isEmpty(),
                    b.order() == Cursor.Order.PHONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(b.at())),
                    b.order() == Cursor.Order.PHONE ? Optional.of(b.phone()) : Optional.empty());
        }
        return new Page<>(items, Optional.empty(), cursor.isEmpty(), Optional.empty(), Optional.empty());
    }

    /**
     * Every matching session in the list's order, without a window, {@code chunk} at a time (each chunk a page from
     * the last one's end), to {@code each}.
     */
    static void forEach(Connection connection, long safeId, Plan plan, int chunk, Instant now,
            Consumer<SessionStatus> each) throws SQLException {
        Comparator<Cursor> order = order(plan.order());
        Optional<Cursor> cursor = Optional.empty();
        while (true) {
            List<Row> rows = new ArrayList<>();
            for (Stream stream : plan.streams()) {
                rows.addAll(rows(connection, plan.rows(safeId, stream, cursor, Optional.empty(), chunk + 1),
                        stream.order, now, chunk + 1));
            }
            rows.sort(Comparator.comparing(Row::at, order));
            List<Row> shown = rows.subList(0, Math.min(chunk, rows.size()));
            shown.forEach(row -> each.accept(row.status()));
            if (rows.size() <= chunk) {
                return;
            }
            cursor = Optional.of(shown.get(chunk - 1).at());
        }
    }

    /** A session found by its code: its row id and its status. */
    record Found(long id, SessionStatus status) {
    }

    /** The session with this code, if this safe has it. */
    static Optional<Found> byCode(Connection connection, long safeId, String code, Instant now) throws SQLException {
        List<Row> rows = rows(connection, new Statement(BY_CODE, List.of(safeId, code)), Cursor.Order.ACTIVITY, now,
                FETCH_ALL);
        return rows.stream().findFirst().map(row -> new Found(row.at().id(), row.status()));
    }

    private static final int FETCH_ALL = 0;

    /** A row read, with its position in its order. */
    private record Row(Cursor at, SessionStatus status) {
    }

    private static Comparator<Cursor> order(Cursor.Order order) {
        Comparator<Cursor> byId = Comparator.comparingLong(Cursor::id).reversed();
        return order == Cursor.Order.PHONE ? Comparator.comparing(Cursor::phone).thenComparing(byId)
                : Comparator.comparingLong(Cursor::at).reversed().thenComparing(byId);
    }

    static PreparedStatement prepare(Connection connection, Statement statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            prepared.setObject(i + 1, statement.parameters().get(i));
        }
        return prepared;
    }

    private static List<Cursor> keys(Connection connection, Statement statement, Cursor.Order order)
            throws SQLException {
        List<Cursor> keys = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, statement); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                keys.add(order == Cursor.Order.PHONE ? new Cursor(order, 0, row.getLong(2), row.getString(1))
                        : new Cursor(order, row.getLong(1), row.getLong(2), ""));
            }
        }
        return keys;
    }

    private static List<Row> rows(Connection connection, Statement statement, Cursor.Order order, Instant now,
            int fetchSize) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, statement)) {
            if (fetchSize > 0) {
                select.setFetchSize(fetchSize);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    SessionStatus status = status(row, now);
                    long id = row.getLong(1);
                    Cursor at = switch (order) {
                        case ACTIVITY -> new Cursor(order, status.lastMessageAt().toEpochMilli(), id, "");
                        case REVERSAL -> new Cursor(order, status.reversedAt().orElseThrow().toEpochMilli(), id, "");
                        case PHONE -> new Cursor(order, 0, id, status.msisdn());
                    };
                    rows.add(new Row(at, status));
                }
            }
        }
        return rows;
    }

    /** The status at {@code now} of the session in the current row of {@link #SELECT}. */
    private static SessionStatus status(ResultSet row, Instant now) throws SQLException {
        Optional<Instant> closedAt = instant(row, 14);
        Optional<Instant> waitUntil = instant(row, 13);
        SessionState state = closedAt.isPresent() ? SessionState.CLOSED
                : waitUntil.filter(now::isBefore).isPresent() ? SessionState.WAITING : SessionState.OPEN;
        Duration waitLeft = state == SessionState.WAITING ? Duration.between(now, waitUntil.get()) : Duration.ZERO;
        return new SessionStatus(row.getString(2), state, row.getInt(8), row.getInt(7), waitLeft,
                Instant.ofEpochMilli(row.getLong(11)), Instant.ofEpochMilli(row.getLong(12)), closedAt,
                row.getString(6), row.getBigDecimal(9), row.getString(10), row.getString(4), row.getString(5),
                row.getString(3), row.getString(15), row.getBoolean(16), instant(row, 17),
                row.getBigDecimal(18), instant(row, 19), Optional.ofNullable(row.getString(20)));
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** Text as a LIKE pattern matches it literally: the wildcards and the escape character escaped. */
    static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

}
