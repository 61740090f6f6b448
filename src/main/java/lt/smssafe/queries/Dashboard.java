package lt.smssafe.queries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures, test payments left out: per day, the paid sessions and their revenue by country and
 * currency; and the sessions still open.
 *
 * @param days oldest first, every day of the period, also those without payments
 */
public record Dashboard(List<Day> days, LocalDate today, long openSessions) {
    /** Paid sessions and their revenue. */
    public record Figures(long payments, BigDecimal revenue) {
        Figures plus(Figures other) {
            return new Figures(payments + other.payments, revenue.add(other.revenue));
        }
    }

    /**
     * One day.
     *
     * @param byCountry keyed {@code "<country> <currency>"}, e.g. {@code "lt EUR"}
     */
    public record Day(LocalDate date, Map<String, Figures> byCountry) {
        /** The day's payments, all countries. */
        public long payments() {
            return byCountry.values().stream().mapToLong(Figures::payments).sum();
        }
    }

    /** Per currency, the revenue of the days from {@code first} on (today: today; this month: its first day). */
    public Map<String, Figures> totalsSince(LocalDate first) {
        Map<String, Figures> totals = new TreeMap<>();
        for (Day day : days) {
            if (!day.date().isBefore(first)) {
                day.byCountry().forEach((key, figures) -> totals.merge(key.substring(key.indexOf(' ') + 1), figures,
                        Figures::plus));
            }
        }
        return totals;
    }

    /** Every {@code "<country> <currency>"} that paid in the period, sorted. */
    public List<String> series() {
        return days.stream().flatMap(d -> d.byCountry().keySet().stream()).distinct().sorted().toList();
    }
}
