package lt.smssafe.mbs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.Signatures;
import lt.smssafe.signing.TimeWindow;

/**
 * Decides whether an incoming billing report (docs/protocol.md §7) is genuine, current and for this service. The checks
 * run cheapest and least revealing first, as for {@code /result}: the parameters' form, then the signature, and only
 * for a correctly signed report the service and the time.
 *
 * <p>The signature is computed over the parameters exactly as received, compared as hex case-insensitively and in
 * constant time, with the same kit and the same refusals as the sms:safe gateway's notification. The report URL's own
 * parameters (the expanded template) are ignored.
 */
public final class BillingReportVerifier {
    // the forms rule out leading zeros and signs, so the received text is the canonical text the platform signed
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern STATE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TIME = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern SIGN = Pattern.compile("[0-9a-fA-F]{64}");

    private final long serviceId;
    private final String secretKey;
    private final TimeWindow window;

    /** @param window how far a report's {@code time} may be from our clock ({@code max-skew}) */
    public BillingReportVerifier(long serviceId, String secretKey, TimeWindow window) {
        if (serviceId <= 0) {
            throw new IllegalArgumentException("MBS service id must be positive, not " + serviceId);
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("MBS secret key is required");
        }
        this.serviceId = serviceId;
        this.secretKey = secretKey;
        this.window = Objects.requireNonNull(window, "time window is required");
    }

    /**
     * @param parameters the request's parameters, {@code ServletRequest#getParameterMap()}
     * @throws RejectedRequestException with the first reason the report fails
     */
    public VerifiedReport verify(Map<String, String[]> parameters) throws RejectedRequestException {
        Objects.requireNonNull(parameters, "parameters are required");
        String transactionId = single(parameters, "transaction_id", ID);
        String reportedService = single(parameters, "service_id", ID);
        String status = single(parameters, "status", null);
        TransactionStatus parsedStatus;
        try {
            parsedStatus = TransactionStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw RejectedRequestException.badRequest("status");
        }
        String state = single(parameters, "state", STATE);
        String time = single(parameters, "time", TIME);
        String sign = single(parameters, "sign", SIGN);
        // the forms above keep every number within a long
        long parsedId = Long.parseLong(transactionId);
        long parsedService = Long.parseLong(reportedService);
        long parsedTime = Long.parseLong(time);

        String canonical = ReportSigner.canonical(transactionId, reportedService, status, state, time);
        if (!Signatures.hexMatches(ReportSigner.signCanonical(secretKey, canonical), sign)) {
            throw RejectedRequestException.checksumFailed();
        }
        if (parsedService != serviceId) {
            throw RejectedRequestException.unknown("service");
        }
        Instant reportTime = Instant.ofEpochSecond(parsedTime);
        if (!window.contains(reportTime)) {
            throw RejectedRequestException.staleRequest();
        }
        return new VerifiedReport(parsedId, parsedService, parsedStatus, state, reportTime);
    }

    /**
     * The one value of a parameter. The same name twice with the same value is accepted: a site's template may
     * itself carry {@code transaction_id=%t}, to which the platform appends {@code transaction_id} again.
     */
    private static String single(Map<String, String[]> parameters, String name, Pattern form)
            throws RejectedRequestException {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            throw RejectedRequestException.badRequest(name);
        }
        String value = values[0];
        for (String other : values) {
            if (!Objects.equals(value, other)) {
                throw RejectedRequestException.badRequest(name);
            }
        }
        if (value == null || value.isEmpty() || form != null && !form.matcher(value).matches()) {
            throw RejectedRequestException.badRequest(name);
        }
        return value;
    }
}
