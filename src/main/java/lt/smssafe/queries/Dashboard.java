package lt.smssafe.queries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures, test payments left out: per day, the paid sessions and their revenue by country (or by
 * operator) and currency; and the sessions still open.
 *
 * @param days oldest first, every day of the period, also those without payments
 * @param month per currency, the calendar month of {@code today} so far, which can begin before the period does
 * @param openSessions the open sessions (test ones left out), counted up to {@link #COUNTED_UP_TO} + 1
 * @param split what the days' figures are split by
 * @param owedActions the payment actions not succeeded yet, counted up to {@link #COUNTED_UP_TO} + 1
 */
public record Dashboard(List<Day> days, LocalDate today, Map<String, Figures> month, long openSessions,
        Split split, long owedActions) {
    /**
     * How far the open sessions and the owed actions are counted: beyond it the page says "1000+". Counting them all
     * would read them all (20,000 open sessions are not rare), on every load of the page.
     */
    public static final int COUNTED_UP_TO = 1_000;

    /** {@link #COUNTED_UP_TO}, for the page. */
    public int countedUpTo() {
        return COUNTED_UP_TO;
    }

    /** Whether there are more open sessions than were counted. */
    public boolean openSessionsBeyond() {
        return openSessions > COUNTED_UP_TO;
    }

    /** Whether there are more owed payment actions than were counted. */
    public boolean owedActionsBeyond() {
        return owedActions > COUNTED_UP_TO;
    }

    /** What a day's figures are split by. */
    public enum Split {
        COUNTRY, OPERATOR;

        /** {@code ?by=operator}; anything else, or nothing, is by country. */
        public static Split of(String parameter) {
            return "operator".equals(parameter) ? OPERATOR : COUNTRY;
        }
    }

    /** Paid sessions and their revenue (what reversals took back not included). */
    public record Figures(long payments, BigDecimal revenue) {
        Figures plus(Figures other) {
            return new Figures(payments + other.payments, revenue.add(other.revenue));
        }
    }

    /**
     * One day.
     *
     * @param bySeries keyed {@code "<country or operator> <currency>"}, e.g. {@code "lt EUR"}, {@code "tele2_lt EUR"}
     */
    public record Day(LocalDate date, Map<String, Figures> bySeries) {
        /** The day's payments, all series. */
        public long payments() {
            return bySeries.values().stream().mapToLong(Figures::payments).sum();
        }
    }

    /** Per currency, the revenue of the period's days from {@code first} on (today's card: today). */
    public Map<String, Figures> totalsSince(LocalDate first) {
        Map<String, Figures> totals = new TreeMap<>();
        for (Day day : days) {
            if (!day.date().isBefore(first)) {
                day.bySeries().forEach((key, figures) -> totals.merge(key.substring(key.indexOf(' ') + 1), figures,
                        Figures::plus));
            }
        }
        return totals;
    }

    /** Every {@code "<country or operator> <currency>"} that paid in the period, sorted. */
    public List<String> series() {
        return days.stream().flatMap(d -> d.bySeries().keySet().stream()).distinct().sorted().toList();
    }
}
