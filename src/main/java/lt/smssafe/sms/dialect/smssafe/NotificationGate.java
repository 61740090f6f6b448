package lt.smssafe.sms.dialect.smssafe;

import java.util.Map;
import java.util.Objects;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.smssafe.Notification.MalformedNotificationException;

/**
 * Decides whether a call to {@code /result} is a genuine, current notification for this safe, or which answer the
 * gateway gets instead (docs/protocol.md §2). The checks run in the protocol's order, cheapest and least revealing
 * first: a stranger learns nothing beyond {@code forbidden}, and only a correctly signed request learns whether the
 * safe or the time was wrong.
 *
 * <p>It does not know about duplicates ({@code message_id reused}) or the database: that is the processor's job,
 * for the notifications this gate lets through.
 */
public final class NotificationGate {
    private final long safeId;
    private final NotificationSigner signer;
    private final TimeWindow window;
    private final AddressFilter allow;

    /**
     * @param safeId this installation's safe id
     * @param window how far a request's {@code time} may be from our clock ({@code max-skew})
     * @param allow the callers allowed ({@code notify.allow})
     */
    public NotificationGate(long safeId, NotificationSigner signer, TimeWindow window, AddressFilter allow) {
        if (safeId <= 0) {
            throw new IllegalArgumentException("safe id must be positive, not " + safeId);
        }
        this.safeId = safeId;
        this.signer = Objects.requireNonNull(signer, "signer is required");
        this.window = Objects.requireNonNull(window, "time window is required");
        this.allow = Objects.requireNonNull(allow, "address filter is required");
    }

    /**
     * The genuine, current notification for this safe.
     *
     * @param remoteAddress the caller's address, {@code ServletRequest#getRemoteAddr()}
     * @param parameters the request's parameters, {@code ServletRequest#getParameterMap()}
     * @throws RejectedRequestException with the answer of the first check that fails
     */
    public Notification verify(String remoteAddress, Map<String, String[]> parameters)
            throws RejectedRequestException {
        allow.check(remoteAddress);
        Notification notification;
        try {
            notification = Notification.parse(parameters);
        } catch (MalformedNotificationException e) {
            throw RejectedRequestException.badRequest(e.parameter());
        }
        if (!signer.verify(notification)) {
            throw RejectedRequestException.checksumFailed();
        }
        if (notification.safeId() != safeId) {
            throw RejectedRequestException.unknown("safe");
        }
        if (!window.containsEpochSecond(notification.gatewayTime())) {
            throw RejectedRequestException.staleRequest();
        }
        return notification;
    }
}
