package lt.smssafe.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * What one message did to its session.
 *
 * @param kind which reply it gets
 * @param left for {@link ReplyKind#LAST} and {@link ReplyKind#WAIT}, the wait still ahead; zero otherwise
 */
public record Outcome(ReplyKind kind, Duration left) {
    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(left, "left");
    }

    static Outcome of(ReplyKind kind) {
        return new Outcome(kind, Duration.ZERO);
    }
}
