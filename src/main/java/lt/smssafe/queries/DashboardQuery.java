package lt.smssafe.queries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /dashboard}'s figures, from the summary the write path keeps and two bounded counts: what it reads does
 * not grow with the history. Read-only.
 */
public final class DashboardQuery {
    /** The dashboard's open sessions (test ones are not shown): the table of open sessions (schema v12). */
    static final String OPEN_SESSIONS = "SELECT 1 FROM smssafe_open_session WHERE safe_id = ? AND test = FALSE";
    /** The dashboard's owed payment actions: not succeeded yet, failing or waiting for their first attempt. */
    static final String OWED_ACTIONS = "SELECT 1 FROM smssafe_action_run WHERE safe_id = ? AND succeeded_at IS NULL";

    private final ReadScope scope;

    DashboardQuery(ReadScope scope) {
        this.scope = scope;
    }

    /**
     * The dashboard's figures: paid sessions and their revenue per day of the last {@code days} days (today
     * included), per country (or operator) and currency, and this month's per currency; test payments left out.
     * A closed session keeps its total when a gateway later reverses one of its messages (docs/protocol.md §8), so
     * its revenue is that total less what was reversed: money the site owner did not get. It stays counted as paid
     * (it closed, its action ran), on the day it closed.
     */
    public Dashboard figures(int days, Dashboard.Split split) {
        Instant now = scope.now();
        LocalDate today = now.atZone(scope.zone()).toLocalDate();
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
        Counted counted = scope.database().inJdbcTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, scope.safeId());
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
        });
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
            count.setLong(1, scope.safeId());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
