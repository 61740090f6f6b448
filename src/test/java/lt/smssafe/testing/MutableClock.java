package lt.smssafe.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' clock: it stands still until the test moves it, so that recorded times can be asserted exactly, or it
 * moves by itself on every reading ({@link #ticking}). Safe to read from many threads; always UTC.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    /** How far each reading moves it: zero for a clock only the test moves. */
    private final Duration tick;

    public MutableClock(Instant start) {
        this(start, Duration.ZERO);
    }

    private MutableClock(Instant start, Duration tick) {
        this.now = new AtomicReference<>(start);
        this.tick = tick;
    }

    /** A clock that reads {@code start} first and {@code tick} later on each reading after, whichever thread reads. */
    public static MutableClock ticking(Instant start, Duration tick) {
        return new MutableClock(start, tick);
    }

    /** Moves the clock forward; returns the time it reads now. */
    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return tick.isZero() ? now.get() : now.getAndUpdate(t -> t.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
