package lt.smssafe.rates;

import java.time.Instant;
import java.util.Objects;

/**
 * What one refresh of the rates did, as {@code POST /cron} reports it.
 *
 * @param succeeded whether the feed replaced the rates
 * @param message e.g. {@code rates refreshed: 3 countries, 5 providers}, or why nothing changed, e.g.
 *     {@code HTTP 500 from https://rates.example/1234/en}
 * @param at when the refresh ended
 */
public record RefreshResult(boolean succeeded, String message, Instant at) {
    /** Checks that nothing is missing. */
    public RefreshResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
