package lt.smssafe.queries;

import static lt.smssafe.queries.FormFields.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the site owner narrows the payments list (and its CSV) to; every part optional. Text is matched as typed:
 * the code exactly (in any case), the phone by its start, the content as a part in any case, country, operator
 * and gateway exactly; the dates are days in the pages' time zone, both included.
 *
 * @param operator the operator's code, e.g. {@code bite_lt}: the form's {@code provider} field
 * @param dialect the gateway as stored, {@code smssafe}, {@code fortumo} or {@code paysera}: the form's {@code dialect}
 * @param state {@code open}, {@code waiting}, {@code closed}, {@code reversed} or {@code test}
 * @param redeemed only payments whose code was spent ({@code true}) or not yet ({@code false}); docs/protocol.md §9
 */
public record PaymentFilter(Optional<String> code, Optional<String> msisdn, Optional<String> content,
        Optional<String> country, Optional<String> operator, Optional<String> dialect, Optional<String> state,
        Optional<Boolean> redeemed, Optional<LocalDate> from, Optional<LocalDate> to) {
    /** Open or waiting: the state of {@code /select}'s list, not offered on the payments page. */
    static final String UNCLOSED = "unclosed";

    /** The states a payment can be filtered by. */
    public static final List<String> STATES = List.of("open", "waiting", "closed", "reversed",
            "test");

    /** The form's values of {@code redeemed}: spent or not. */
    public static final List<String> REDEEMED = List.of("yes", "no");

    /**
     * A filter from the page's form fields. Blank fields are ignored; a state, a {@code redeemed} other than
     * {@code yes} or {@code no}, or a date that is not one is ignored too (the form offers only valid ones; a
     * hand-made link cannot make the list fail).
     */
    public static PaymentFilter of(String code, String msisdn, String content, String country, String operator,
            String dialect, String state, String redeemed, String from, String to) {
        return new PaymentFilter(text(code).map(c -> c.toUpperCase(Locale.ROOT)), text(msisdn), text(content),
                text(country).map(c -> c.toLowerCase(Locale.ROOT)), text(operator).map(o -> o.toLowerCase(Locale.ROOT)),
                text(dialect).map(d -> d.toLowerCase(Locale.ROOT)),
                text(state).map(s -> s.toLowerCase(Locale.ROOT)).filter(STATES::contains),
                text(redeemed).map(r -> r.toLowerCase(Locale.ROOT)).filter(REDEEMED::contains).map("yes"::equals),
                date(from), date(to));
    }

    /** Every payment in this state, and no other condition; a state of {@link #STATES} or {@link #UNCLOSED}. */
    static PaymentFilter inState(String state) {
        return new PaymentFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(state), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** When the first day begins in the pages' time zone: nothing earlier matches. */
    Optional<Instant> since(ZoneId zone) {
        return from.map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** When the day after the last day begins in the pages' time zone: nothing from then on matches. */
    Optional<Instant> before(ZoneId zone) {
        return to.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return text(value).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
