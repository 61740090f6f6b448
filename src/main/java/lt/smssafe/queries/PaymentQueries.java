package lt.smssafe.queries;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import lt.smssafe.action.ActionRun;
import lt.smssafe.mbs.TransactionReference;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.ReceivedMessage;
import lt.smssafe.sms.SessionCode;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The site owner's view of every payment: the filtered list of SMS payments (and its CSV, streamed), one payment
 * with its messages and payment-action runs, the MBS transactions, and the dashboard's figures. Read-only.
 */
public final class PaymentQueries {
    /** Payments per page. */
    public static final int PAGE_SIZE = 50;
    /** Rows read from the database at a time (a chunk: one statement per stream) while a CSV is written. */
    static final int FETCH_SIZE = 500;
    /** The dashboard's open sessions (test ones are not shown), through the index on (safe_id, closed_at). */
    static final String OPEN_SESSIONS = "SELECT 1 FROM smssafe_session WHERE safe_id = ? AND closed_at IS NULL"
            + " AND test = FALSE";
    /** The dashboard's owed payment actions: not succeeded yet, failing or waiting for their first attempt. */
    static final String OWED_ACTIONS = "SELECT 1 FROM smssafe_action_run WHERE safe_id = ? AND succeeded_at IS NULL";

    private final Database database;
    private final long safeId;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the pages' time zone, in which the filter's days begin and end */
    public PaymentQueries(Database database, long safeId, Clock clock, ZoneId zone) {
        this.database = database;
        this.safeId = safeId;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * One page of the payments that match, from the position {@code cursor} names (the token of an earlier page's
     * {@link Page#older()}; anything else, or none, is the first page): the most recently active first, or with a
     * phone filter by phone number, each phone's newest first, or for the reversed ones the latest reversal first.
     */
    public Page<SessionStatus> page(PaymentFilter filter, String cursor) {
        return page(filter, cursor, PAGE_SIZE);
    }

    Page<SessionStatus> page(PaymentFilter filter, String cursor, int size) {
        Instant now = clock.instant();
        if (filter.code().isPresent()) {
            return new Page<>(byCode(filter, now).stream().toList(), Optional.empty(), true, Optional.empty(),
                    Optional.empty());
        }
        SessionLists.Plan plan = SessionLists.plan(filter, now, zone, database.engine());
        Optional<Cursor> position = Cursor.parse(cursor, plan.order());
        return jdbc(connection -> SessionLists.page(connection, safeId, plan, position, size, now));
    }

    /**
     * Hands every matching payment, in the list's order, to {@code row} while it is read: a chunk of rows at a time,
     * each chunk read from the last one's end in index order, so that a CSV of a million rows never holds more than
     * a chunk of them.
     */
    public void forEach(PaymentFilter filter, Consumer<SessionStatus> row) {
        Instant now = clock.instant();
        if (filter.code().isPresent()) {
            byCode(filter, now).ifPresent(row);
            return;
        }
        SessionLists.Plan plan = SessionLists.plan(filter, now, zone, database.engine());
        jdbc(connection -> {
            SessionLists.forEach(connection, safeId, plan, FETCH_SIZE, now, row);
            return null;
        });
    }

    /** The payment with the filter's code, if it matches the rest of the filter too. */
    private Optional<SessionStatus> byCode(PaymentFilter filter, Instant now) {
        Optional<SessionCode> code = SessionCode.parse(filter.code().get());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionStatus> found = jdbc(connection -> SessionLists.byCode(connection, safeId,
                code.get().value(), now)).map(SessionLists.Found::status);
        // the rest of the filter, on the one row: the same conditions the lists hold
        return found.filter(s -> matches(s, filter, now));
    }

    private boolean matches(SessionStatus s, PaymentFilter filter, Instant now) {
        Instant activity = s.lastMessageAt();
        return filter.msisdn().map(s.msisdn()::startsWith).orElse(true)
                && filter.content().map(c -> s.content().toLowerCase(Locale.ROOT)
                        .contains(c.toLowerCase(Locale.ROOT))).orElse(true)
                && filter.country().map(s.country()::equals).orElse(true)
                && filter.provider().map(s.provider()::equals).orElse(true)
                && filter.dialect().map(s.dialect()::equals).orElse(true)
                && filter.redeemed().map(r -> r == s.isRedeemed()).orElse(true)
                && filter.from().map(day -> !activity.isBefore(startOf(day))).orElse(true)
                && filter.to().map(day -> activity.isBefore(startOf(day.plusDays(1)))).orElse(true)
                && filter.state().map(state -> switch (state) {
                    case "open" -> s.state() == lt.smssafe.sms.SessionState.OPEN;
                    case "waiting" -> s.state() == lt.smssafe.sms.SessionState.WAITING;
                    case "closed" -> s.isClosed() && !s.isReversed();
                    case "reversed" -> s.isReversed();
                    case PaymentFilter.UNCLOSED -> !s.isClosed();
                    default -> s.test();
                }).orElse(true);
    }

    /** The payment with this code: its status, its messages in order, and the runs of its payment action. */
    public Optional<PaymentDetail> detail(String code) {
        Optional<SessionCode> parsed = SessionCode.parse(code);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.inTransaction(em -> em.unwrap(Session.class).doReturningWork(connection ->
                SessionLists.byCode(connection, safeId, parsed.get().value(), now))
                .map(found -> detail(em, found)));
    }

    private PaymentDetail detail(EntityManager em, SessionLists.Found found) {
        List<ReceivedMessage> messages = ReceivedMessage.ofSession(em, safeId, found.id());
        // the session's own run is keyed by its code, a reversal's by the reversed message's row id: one kind per
        // query, so that H2 looks them up in uq_action_run (safe_id, kind, reference) (with two IN lists it read
        // every run of the safe)
        List<ActionRun> runs = new ArrayList<>(runs(em, ActionRun.Kind.SMS_SESSION, List.of(found.status().code())));
        runs.addAll(runs(em, ActionRun.Kind.SMS_REVERSAL, messages.stream().map(m -> String.valueOf(m.id()))
                .toList()));
        runs.sort(java.util.Comparator.comparing(ActionRun::createdAt));
        return new PaymentDetail(found.status(), messages.stream().map(PaymentDetail.Message::of).toList(), runs);
    }

    private List<ActionRun> runs(EntityManager em, ActionRun.Kind kind, List<String> references) {
        return em.createQuery("select r from ActionRun r where r.safeId = :safeId and r.kind = :kind"
                        + " and r.reference in :references", ActionRun.class)
                .setParameter("safeId", safeId).setParameter("kind", kind).setParameter("references", references)
                .getResultList();
    }

    /** The MBS transactions newest report first, in the index {@code ix_mbs_reported}; the days optional. */
    static SessionLists.Statement transactionsStatement(long safeId, Optional<Long> from, Optional<Long> to) {
        StringBuilder sql = new StringBuilder("SELECT t.service_id, t.transaction_id, t.ident, t.operator,"
                + " t.account_id, t.price_cents, t.currency, t.status, t.last_reported_at"
                + " FROM smssafe_mbs_transaction t WHERE t.safe_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(safeId));
        from.ifPresent(at -> {
            sql.append(" AND t.last_reported_at >= ?");
            parameters.add(at);
        });
        to.ifPresent(at -> {
            sql.append(" AND t.last_reported_at < ?");
            parameters.add(at);
        });
        // safe_id first: H2 reads an index in its order only when the ORDER BY names its columns from the first
        sql.append(" ORDER BY t.safe_id DESC, t.last_reported_at DESC LIMIT ").append(PAGE_SIZE);
        return new SessionLists.Statement(sql.toString(), parameters);
    }

    /** The MBS transactions reported within the filter's days, the latest first (at most a page of them). */
    public List<TransactionRow> transactions(PaymentFilter filter) {
        SessionLists.Statement statement = transactionsStatement(safeId,
                filter.from().map(day -> startOf(day).toEpochMilli()),
                filter.to().map(day -> startOf(day.plusDays(1)).toEpochMilli()));
        return jdbc(connection -> {
            List<TransactionRow> rows = new ArrayList<>();
            try (PreparedStatement select = SessionLists.prepare(connection, statement);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new TransactionRow(new TransactionReference(row.getLong(1), row.getLong(2)).toString(),
                            row.getString(3), row.getString(4), row.getString(5), row.getLong(6), row.getString(7),
                            row.getString(8), Instant.ofEpochMilli(row.getLong(9))));
                }
            }
            return rows;
        });
    }

    private <T> T jdbc(ReturningWork<T> work) {
        return database.inTransaction(em -> em.unwrap(Session.class).doReturningWork(work));
    }

    /**
     * The dashboard's figures: paid sessions and their revenue per day of the last {@code days} days (today
     * included), per country (or operator) and currency, and this month's per currency; test payments left out.
     * A closed session keeps its total when a gateway later reverses one of its messages (docs/protocol.md §8), so its revenue is that total less what was
     * reversed: money the site owner did not get. It stays counted as paid (it closed, its action ran), on the day
     * it closed.
     */
    public Dashboard dashboard(int days, Dashboard.Split split) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        // the month's card needs its first day even when the chart's days begin later (the 31st of a month)
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate since = first.isBefore(monthStart) ? first : monthStart;
        TreeMap<LocalDate, Map<String, Dashboard.Figures>> perDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            perDay.put(day, new TreeMap<>());
        }
        Map<String, Dashboard.Figures> month = new TreeMap<>();
        String sql = summed(split);
        Counted counted = database.inTransaction(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, safeId);
                statement.setObject(2, since);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        LocalDate day = row.getObject(1, LocalDate.class);
                        Dashboard.Figures figures = new Dashboard.Figures(row.getLong(4), row.getBigDecimal(5));
                        if (figures.payments() == 0) {
                            continue;
                        }
                        if (!day.isBefore(first)) {
                            perDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(row.getString(2) + " "
                                    + row.getString(3), figures, Dashboard.Figures::plus);
                        }
                        if (!day.isBefore(monthStart)) {
                            month.merge(row.getString(3), figures, Dashboard.Figures::plus);
                        }
                    }
                }
            }
            return new Counted(countUpTo(connection, OPEN_SESSIONS), countUpTo(connection, OWED_ACTIONS));
        }));
        List<Dashboard.Day> daysList = new ArrayList<>();
        perDay.forEach((day, figures) -> daysList.add(new Dashboard.Day(day, figures)));
        return new Dashboard(daysList, today, month, counted.open(), split, counted.owed());
    }

    /**
     * The dashboard's days from the summary the write path keeps ({@link lt.smssafe.sms.RevenueSummary}): its rows
     * from a day on (parameters: safe, day), one per day, series and currency, their slots summed.
     */
    static String summed(Dashboard.Split split) {
        String series = split == Dashboard.Split.OPERATOR ? "provider" : "country";
        return "SELECT closed_on, " + series + ", currency, SUM(payments), SUM(revenue) FROM smssafe_revenue_day"
                + " WHERE safe_id = ? AND closed_on >= ? GROUP BY closed_on, " + series + ", currency";
    }

    /** How many rows {@code select} (parameter: safe) selects, up to {@link Dashboard#COUNTED_UP_TO} + 1. */
    static String countedUpTo(String select) {
        return "SELECT COUNT(*) FROM (" + select + " LIMIT " + (Dashboard.COUNTED_UP_TO + 1) + ") counted";
    }

    /** The open sessions and the owed payment actions, each counted up to {@link Dashboard#COUNTED_UP_TO} + 1. */
    private record Counted(long open, long owed) {
    }

    /**
     * Counts the rows the statement selects, but no more than {@link Dashboard#COUNTED_UP_TO} + 1 of them: the
     * dashboard shows "1000+" beyond, and a count of all 20,000 open sessions would read them all.
     */
    private long countUpTo(Connection connection, String select) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(countedUpTo(select))) {
            count.setLong(1, safeId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
