package lt.smssafe.signing;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed request that is not a genuine, current request for us, and the answer its sender gets: the same shape for
 * the sms:safe gateway's notification and the MBS billing report. The message is the exact {@code text/plain} body,
 * e.g. {@code bad request: msisdn}, {@code checksum failed}, {@code unknown safe} or {@code stale request}.
 *
 * <p>Checked on purpose: a caller's mistake or a forgery must end as its 4xx answer, never as an unchecked exception
 * that a container turns into a {@code 500} (which a gateway would retry forever).
 */
public final class RejectedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused, with the HTTP status it is answered with. */
    public enum Reason {
        /** The caller's address is not allowed ({@code notify.allow}). */
        FORBIDDEN(403),
        /** A parameter is missing, given more than once, or not in its form. */
        BAD_REQUEST(400),
        /** The signature is not the one made with our key. */
        CHECKSUM_FAILED(403),
        /** Correctly signed, but for another safe or service. */
        UNKNOWN_RECIPIENT(404),
        /** Its time is further than {@code max-skew} from our clock, either way. */
        STALE_REQUEST(403),
        /** A gateway's test message where the site owner refuses them ({@code <dialect>.test=reject}). */
        TEST_REFUSED(403);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The status the sender is answered with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;
    private final String parameter;

    private RejectedRequestException(Reason reason, String parameter, String answer) {
        super(answer);
        this.reason = reason;
        this.parameter = parameter;
    }

    /** {@code 403 forbidden}. */
    public static RejectedRequestException forbidden() {
        return new RejectedRequestException(Reason.FORBIDDEN, null, "forbidden");
    }

    /** {@code 400 bad request: <parameter>}. */
    public static RejectedRequestException badRequest(String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        return new RejectedRequestException(Reason.BAD_REQUEST, parameter, "bad request: " + parameter);
    }

    /** {@code 403 checksum failed}. */
    public static RejectedRequestException checksumFailed() {
        return new RejectedRequestException(Reason.CHECKSUM_FAILED, null, "checksum failed");
    }

    /** {@code 404 unknown <what>}, e.g. {@code unknown safe}, {@code unknown service}. */
    public static RejectedRequestException unknown(String what) {
        return new RejectedRequestException(Reason.UNKNOWN_RECIPIENT, null, "unknown " + what);
    }

    /** {@code 403 stale request}. */
    public static RejectedRequestException staleRequest() {
        return new RejectedRequestException(Reason.STALE_REQUEST, null, "stale request");
    }

    /** {@code 403 test messages refused}. */
    public static RejectedRequestException testRefused() {
        return new RejectedRequestException(Reason.TEST_REFUSED, null, "test messages refused");
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return reason.httpStatus();
    }

    /** The exact body to answer with. */
    public String answer() {
        return getMessage();
    }

    /** The offending parameter of a {@link Reason#BAD_REQUEST}, e.g. {@code transaction_id}. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
