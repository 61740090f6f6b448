package lt.smssafe.mbs;

import java.util.Optional;

/**
 * A billing report that is not a genuine, current report for this service, and why. The message is the exact answer
 * for the caller: {@code bad request: transaction_id}, {@code checksum failed}, {@code unknown service} or
 * {@code stale request}.
 *
 * <p>Checked on purpose: a forged or broken report must end as a 4xx answer, never as an unchecked exception that a
 * container turns into a {@code 500} (which a platform would retry).
 */
public final class InvalidReportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a report was refused, with the HTTP status the report servlet answers, as for {@code /result}. */
    public enum Reason {
        /** A parameter is missing, given twice with different values, or not in its form. */
        BAD_REQUEST(400),
        /** The signature is not the one made with this service's secret key. */
        CHECKSUM_FAILED(403),
        /** Correctly signed, but for another service. */
        UNKNOWN_SERVICE(404),
        /** Its {@code time} is further than the allowed skew from our clock, either way. */
        STALE_REQUEST(403);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The status to answer the platform with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;
    private final String parameter;

    private InvalidReportException(Reason reason, String parameter, String message) {
        super(message);
        this.reason = reason;
        this.parameter = parameter;
    }

    static InvalidReportException badRequest(String parameter) {
        return new InvalidReportException(Reason.BAD_REQUEST, parameter, "bad request: " + parameter);
    }

    static InvalidReportException checksumFailed() {
        return new InvalidReportException(Reason.CHECKSUM_FAILED, null, "checksum failed");
    }

    static InvalidReportException unknownService() {
        return new InvalidReportException(Reason.UNKNOWN_SERVICE, null, "unknown service");
    }

    static InvalidReportException staleRequest() {
        return new InvalidReportException(Reason.STALE_REQUEST, null, "stale request");
    }

    public Reason reason() {
        return reason;
    }

    /** The offending parameter of a {@link Reason#BAD_REQUEST}, e.g. {@code transaction_id}. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
