package lt.smssafe.action;

import java.time.Duration;

/**
 * The growing pauses between attempts of a failing action: 1 s after the first failure, doubling each time, never
 * more than an hour. Short first pauses absorb a passing hiccup; the cap keeps a long outage retried hourly.
 */
public final class RetrySchedule {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofHours(1);

    private RetrySchedule() {
    }

    /** The pause after the given number of failed attempts (1 = the first failure). */
    public static Duration pauseAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 12);
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }

    /**
     * The number of attempts whose pauses in between add up to at least {@code span}: the first attempt that starts
     * {@code span} or later after the first one, when every attempt fails at once. (3 days: attempt 84, after pauses
     * of 1 s … 2,048 s, then 71 of an hour.)
     */
    public static int attemptsSpanning(Duration span) {
        Duration between = Duration.ZERO;
        int attempts = 1;
        while (between.compareTo(span) < 0) {
            between = between.plus(pauseAfter(attempts));
            attempts++;
        }
        return attempts;
    }
}
