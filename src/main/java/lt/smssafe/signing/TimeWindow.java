package lt.smssafe.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a signed request's own time may be from our clock, in either direction: the {@code max-skew} key
 * (docs/protocol.md §1). A stamp from the future is refused like an old one, since it would keep a captured request
 * replayable for longer than {@code max-skew}. Exactly {@code max-skew} away is still inside.
 */
public final class TimeWindow {
    /** docs/protocol.md §1's default {@code max-skew}. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofHours(1);

    private final Duration maxSkew;
    private final Clock clock;

    /**
     * @param clock injected so that tests can stand exactly at the edges of the window
     * @throws IllegalArgumentException when {@code maxSkew} is negative
     */
    public TimeWindow(Duration maxSkew, Clock clock) {
        Objects.requireNonNull(maxSkew, "max skew is required");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("max skew must not be negative, not " + maxSkew);
        }
        this.maxSkew = maxSkew;
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** The default window on the system clock. */
    public static TimeWindow standard() {
        return new TimeWindow(DEFAULT_MAX_SKEW, Clock.systemUTC());
    }

    /** Whether a request signed at {@code signedAt} is current now. */
    public boolean contains(Instant signedAt) {
        return Duration.between(signedAt, clock.instant()).abs().compareTo(maxSkew) <= 0;
    }

    /** Whether a request signed at these Unix seconds is current now. */
    public boolean containsEpochSecond(long signedAt) {
        return contains(Instant.ofEpochSecond(signedAt));
    }

    /** The largest distance allowed. */
    public Duration maxSkew() {
        return maxSkew;
    }
}
