package lt.smssafe.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a call to {@code /result} is a genuine, current notification for this safe, or which answer the
 * provider gets instead (PROTOCOL.md §2). The checks run in the protocol's order, cheapest and least revealing
 * first: a stranger learns nothing beyond {@code forbidden}, and only a correctly signed request learns whether the
 * safe or the time was wrong.
 *
 * <p>It does not know about duplicates ({@code message_id reused}) or the database: that is the processing's job,
 * for the notifications this gate {@link Accepted accepts}.
 */
public final class NotificationGate {
    private static final Rejected FORBIDDEN = new Rejected(403, "forbidden");
    private static final Rejected CHECKSUM_FAILED = new Rejected(403, "checksum failed");
    private static final Rejected UNKNOWN_SAFE = new Rejected(404, "unknown safe");
    private static final Rejected STALE_REQUEST = new Rejected(403, "stale request");

    private final long safeId;
    private final SignatureVerifier verifier;
    private final Duration maxSkew;
    private final AddressFilter allow;
    private final Clock clock;

    /**
     * @param safeId this installation's safe id
     * @param maxSkew the largest accepted distance, either way, between a request's {@code time} and {@code clock}
     * @param allow the callers allowed ({@code notify.allow})
     * @param clock injected so that tests can stand exactly at the edges of the time window
     */
    public NotificationGate(long safeId, SignatureScheme scheme, Passkey passkey, Duration maxSkew,
            AddressFilter allow, Clock clock) {
        if (safeId <= 0) {
            throw new IllegalArgumentException("safe id must be positive, not " + safeId);
        }
        Objects.requireNonNull(maxSkew, "max skew is required");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("max skew must not be negative, not " + maxSkew);
        }
        this.safeId = safeId;
        this.verifier = new SignatureVerifier(scheme, passkey);
        this.maxSkew = maxSkew;
        this.allow = Objects.requireNonNull(allow, "address filter is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * @param remoteAddress the caller's address, {@code ServletRequest#getRemoteAddr()}
     * @param parameters the request's parameters, {@code ServletRequest#getParameterMap()}
     */
    public Verdict check(String remoteAddress, Map<String, String[]> parameters) {
        if (!allow.allows(remoteAddress)) {
            return FORBIDDEN;
        }
        Notification notification;
        try {
            notification = Notification.parse(parameters);
        } catch (MalformedNotificationException e) {
            return new Rejected(400, "bad request: " + e.parameter());
        }
        if (!verifier.verify(notification)) {
            return CHECKSUM_FAILED;
        }
        if (notification.safeId() != safeId) {
            return UNKNOWN_SAFE;
        }
        if (!current(notification.epochSeconds())) {
            return STALE_REQUEST;
        }
        return new Accepted(notification);
    }

    /**
     * Whether {@code time} is within {@code maxSkew} of now in either direction: a stamp from the future would keep
     * a captured request replayable for longer than {@code maxSkew}, so it is refused like an old one. Exactly
     * {@code maxSkew} away is still current.
     */
    private boolean current(long epochSeconds) {
        Duration distance = Duration.between(Instant.ofEpochSecond(epochSeconds), clock.instant()).abs();
        return distance.compareTo(maxSkew) <= 0;
    }

    /** What {@link #check} decided: {@link Accepted} or {@link Rejected}. */
    public sealed interface Verdict permits Accepted, Rejected {
    }

    /** A genuine, current notification for this safe, to be processed. */
    public record Accepted(Notification notification) implements Verdict {
    }

    /**
     * A refused call and the provider's answer to it.
     *
     * @param status the HTTP status
     * @param body the exact {@code text/plain} body
     */
    public record Rejected(int status, String body) implements Verdict {
    }
}
