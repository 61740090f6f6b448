package lt.smssafe.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Durations as configured (docs/protocol.md §1): ISO-8601 ({@code PT24H}, {@code PT90S}, {@code P1D}) or a plain number
 * of seconds ({@code 86400}), which is what owners coming from the PHP original write.
 */
final class Durations {
    private static final Pattern SECONDS = Pattern.compile("[+-]?\\d{1,18}");

    private Durations() {
    }

    /**
     * @return the duration, zero or longer
     * @throws IllegalArgumentException with the reason, naming the value
     */
    static Duration parse(String text) {
        Duration duration = SECONDS.matcher(text).matches() ? Duration.ofSeconds(Long.parseLong(text)) : iso(text);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("must not be negative, not '" + text + "'");
        }
        return duration;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "must be an ISO-8601 duration (PT24H) or a number of seconds, not '" + text + "'");
        }
    }
}
