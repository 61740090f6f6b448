package lt.smssafe.rates;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the rates as {@code GET /cron} shows it: where they come from, the current table, and when
 * refreshes last succeeded, failed and were tried. A failure stays on record after a later success, so the admin
 * can tell a feed that failed once from one that keeps failing by comparing the times.
 *
 * @param source the feed's URL without user info and query string (they may hold a token), or the file's path;
 *     empty when {@code rates.url} is not configured
 * @param table the rates every request sees now
 * @param lastSuccess when a refresh last replaced the rates
 * @param lastFailure when a refresh last failed, or when start-up found {@code local.xml} missing or invalid
 * @param lastFailureReason why, e.g. {@code no answer from https://rates.example/1234/en within 30 s}
 * @param lastAttempt when the latest refresh started
 */
public record RatesStatus(Optional<String> source, RateTable table, Optional<Instant> lastSuccess,
        Optional<Instant> lastFailure, Optional<String> lastFailureReason, Optional<Instant> lastAttempt) {

    /** Checks that nothing is missing; the options may be empty. */
    public RatesStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(lastFailureReason, "lastFailureReason");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }

    /**
     * Whether the rates are failing now: the last failure came after the last success (or there was no success yet).
     * An older failure is history, resolved by the success after it.
     */
    public boolean failingNow() {
        return lastFailure.isPresent() && (lastSuccess.isEmpty() || lastFailure.get().isAfter(lastSuccess.get()));
    }

    static RatesStatus initial(Optional<String> source, RateTable table) {
        return new RatesStatus(source, table, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    RatesStatus attempted(Instant at) {
        return new RatesStatus(source, table, lastSuccess, lastFailure, lastFailureReason, Optional.of(at));
    }

    RatesStatus loaded(RateTable newTable) {
        return new RatesStatus(source, newTable, lastSuccess, lastFailure, lastFailureReason, lastAttempt);
    }

    RatesStatus succeeded(RateTable newTable, Instant at) {
        return new RatesStatus(source, newTable, Optional.of(at), lastFailure, lastFailureReason, lastAttempt);
    }

    RatesStatus failed(String reason, Instant at) {
        return new RatesStatus(source, table, lastSuccess, Optional.of(at), Optional.of(reason), lastAttempt);
    }
}
