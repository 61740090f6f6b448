package lt.smssafe.queries;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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
import java.util.stream.Stream;
import lt.smssafe.action.ActionRun;
import lt.smssafe.mbs.recording.BilledTransaction;
import lt.smssafe.persistence.Database;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.ReceivedMessage;
import lt.smssafe.sms.SessionCode;
import org.hibernate.Session;

/**
 * The site owner's view of every payment: the filtered list of SMS payments (and its CSV, streamed), one payment
 * with its messages and payment-action runs, the MBS transactions, and the dashboard's figures. Read-only.
 */
public final class PaymentQueries {
    /** Payments per page. */
    public static final int PAGE_SIZE = 50;
    /** Rows read from the database at a time while a CSV is written. */
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

    /** One page (from 1) of the payments that match, the most recently active first. */
    public Page<SessionStatus> page(PaymentFilter filter, int page) {
        int number = Math.max(page, 1);
        Instant now = clock.instant();
        List<Object[]> rows = database.inTransaction(em -> query(em, filter, now)
                .setFirstResult((number - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList());
        List<SessionStatus> items = rows.stream().limit(PAGE_SIZE).map(row -> StatusRows.status(row, now)).toList();
        return new Page<>(items, number, PAGE_SIZE, rows.size() > PAGE_SIZE);
    }

    /**
     * Hands every matching payment, the most recently active first, to {@code row} while it is read: a CSV of a
     * million rows never holds more than a fetch of them, and the entity manager forgets each batch it handed over.
     */
    public void forEach(PaymentFilter filter, Consumer<SessionStatus> row) {
        Instant now = clock.instant();
        database.inTransaction(em -> {
            TypedQuery<Object[]> query = query(em, filter, now)
                    .setHint("org.hibernate.fetchSize", FETCH_SIZE).setHint("org.hibernate.readOnly", true);
            int[] seen = {0};
            try (Stream<Object[]> rows = query.getResultStream()) {
                rows.forEach(read -> {
                    row.accept(StatusRows.status(read, now));
                    if (++seen[0] % FETCH_SIZE == 0) {
                        em.clear();
                    }
                });
            }
            return null;
        });
    }

    /** The payment with this code: its status, its messages in order, and the runs of its payment action. */
    public Optional<PaymentDetail> detail(String code) {
        Optional<SessionCode> parsed = SessionCode.parse(code);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return database.inTransaction(em -> em.createQuery(StatusRows.SELECT + " where s.safeId = :safeId"
                        + " and s.code = :code", Object[].class)
                .setParameter("safeId", safeId).setParameter("code", parsed.get().value()).getResultStream()
                .findFirst().map(row -> detail(em, row, now)));
    }

    private PaymentDetail detail(EntityManager em, Object[] row, Instant now) {
        PaymentSession session = StatusRows.session(row);
        List<ReceivedMessage> messages = em.createQuery("select m from ReceivedMessage m where m.sessionId = :id"
                + " order by m.receivedAt, m.id", ReceivedMessage.class).setParameter("id", session.id()).getResultList();
        // the session's own run is keyed by its code, a reversal's by the reversed message's row id
        List<String> references = new ArrayList<>(List.of(session.code().value()));
        messages.forEach(m -> references.add(String.valueOf(m.id())));
        List<ActionRun> runs = em.createQuery("select r from ActionRun r where r.safeId = :safeId and r.kind in :kinds"
                        + " and r.reference in :references order by r.createdAt", ActionRun.class)
                .setParameter("safeId", safeId)
                .setParameter("kinds", List.of(ActionRun.Kind.SMS_SESSION, ActionRun.Kind.SMS_REVERSAL))
                .setParameter("references", references).getResultList();
        return new PaymentDetail(StatusRows.status(row, now),
                messages.stream().map(PaymentDetail.Message::of).toList(), runs);
    }

    /** The MBS transactions reported within the filter's days, the latest first (at most a page of them). */
    public List<TransactionRow> transactions(PaymentFilter filter) {
        StringBuilder jpql = new StringBuilder("select t from BilledTransaction t where t.safeId = :safeId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("safeId", safeId);
        filter.from().ifPresent(day -> {
            jpql.append(" and t.lastReportedAt >= :from");
            parameters.put("from", startOf(day));
        });
        filter.to().ifPresent(day -> {
            jpql.append(" and t.lastReportedAt < :to");
            parameters.put("to", startOf(day.plusDays(1)));
        });
        jpql.append(" order by t.lastReportedAt desc");
        return database.inTransaction(em -> {
            TypedQuery<BilledTransaction> query = em.createQuery(jpql.toString(), BilledTransaction.class);
            parameters.forEach(query::setParameter);
            return query.setMaxResults(PAGE_SIZE).getResultList().stream().map(TransactionRow::of).toList();
        });
    }

    /**
     * The dashboard's figures: paid sessions and their revenue per day of the last {@code days} days (today
     * included), per country (or operator) and currency, and this month's per currency; test payments left out.
     * A closed session keeps its total when a gateway later reverses one of its messages (PROTOCOL.md §8), so its revenue is that total less what was
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

    private TypedQuery<Object[]> query(EntityManager em, PaymentFilter filter, Instant now) {
        StringBuilder jpql = new StringBuilder(StatusRows.SELECT + " where s.safeId = :safeId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("safeId", safeId);
        filter.code().ifPresent(code -> {
            jpql.append(" and s.code = :code");
            parameters.put("code", code);
        });
        filter.msisdn().ifPresent(msisdn -> {
            jpql.append(" and s.msisdn like :msisdn escape '!'");
            parameters.put("msisdn", literal(msisdn) + "%");
        });
        filter.content().ifPresent(content -> {
            // lower() on both sides: the admin types a part of the text in any case, and the columns compare exactly
            // (utf8mb4_bin on MariaDB, as the migrations make them; H2 too)
            jpql.append(" and lower(s.content) like :content escape '!'");
            parameters.put("content", "%" + literal(content.toLowerCase(Locale.ROOT)) + "%");
        });
        filter.country().ifPresent(country -> {
            jpql.append(" and s.country = :country");
            parameters.put("country", country);
        });
        filter.provider().ifPresent(provider -> {
            jpql.append(" and s.provider = :provider");
            parameters.put("provider", provider);
        });
        filter.dialect().ifPresent(dialect -> {
            jpql.append(" and s.dialect = :dialect");
            parameters.put("dialect", dialect);
        });
        filter.state().ifPresent(state -> {
            switch (state) {
                case "open" -> jpql.append(" and s.closedAt is null and (s.waitUntil is null or s.waitUntil <= :now)");
                case "waiting" -> jpql.append(" and s.closedAt is null and s.waitUntil > :now");
                case "closed" -> jpql.append(" and s.closedAt is not null and s.reversedAt is null");
                case "reversed" -> jpql.append(" and s.reversedAt is not null");
                case PaymentFilter.UNCLOSED -> jpql.append(" and s.closedAt is null");
                default -> jpql.append(" and s.test = true");
            }
            if (state.equals("open") || state.equals("waiting")) {
                parameters.put("now", now);
            }
        });
        filter.redeemed().ifPresent(redeemed -> jpql.append(redeemed ? " and r.id is not null" : " and r.id is null"));
        filter.from().ifPresent(day -> {
            jpql.append(" and s.lastMessageAt >= :from");
            parameters.put("from", startOf(day));
        });
        filter.to().ifPresent(day -> {
            jpql.append(" and s.lastMessageAt < :to");
            parameters.put("to", startOf(day.plusDays(1)));
        });
        jpql.append(" order by s.lastMessageAt desc, s.id desc");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Text as a LIKE pattern matches it literally: the wildcards and the escape character escaped. */
    private static String literal(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
