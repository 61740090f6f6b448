package lt.smssafe.outbound;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * A hard limit on one whole exchange, connecting included. The client's own timeouts bound each read only, so a
 * server that trickles a byte now and then would never end: a task on a timer aborts the request at its deadline,
 * and {@link #passed()} then tells the caller that its failure was the deadline's.
 */
public final class Deadline implements AutoCloseable {
    private final AtomicBoolean passed = new AtomicBoolean();
    private final ScheduledFuture<?> abort;

    private Deadline(Cancellable request, Duration limit, ScheduledExecutorService timer) {
        this.abort = timer.schedule(() -> {
            passed.set(true);
            request.cancel();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Aborts the request once {@code limit} has passed, unless closed before.
     *
     * @throws RejectedExecutionException when the timer is shut down: the application is stopping
     */
    public static Deadline of(Cancellable request, Duration limit, ScheduledExecutorService timer) {
        return new Deadline(request, limit, timer);
    }

    /** Whether the request was aborted because its time was up. */
    public boolean passed() {
        return passed.get();
    }

    /** The exchange is over: the abort is called off. */
    @Override
    public void close() {
        abort.cancel(false);
    }
}
