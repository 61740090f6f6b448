package lt.smssafe.mbs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides whether an incoming billing report (PROTOCOL.md §7) is genuine, current and for this service. The checks
 * run cheapest and least revealing first, as for {@code /result}: the parameters' form, then the signature, and only
 * for a correctly signed report the service and the time.
 *
 * <p>The signature is computed over the parameters exactly as received, compared as hex case-insensitively and in
 * constant time. The report URL's own parameters (the expanded template) are ignored.
 */
public final class BillingReportVerifier {
    /** PROTOCOL.md's default {@code max-skew}. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofHours(1);

    // the forms rule out leading zeros and signs, so the received text is the canonical text the platform signed
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern STATE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TIME = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern SIGN = Pattern.compile("[0-9a-fA-F]{64}");

    private final long serviceId;
    private final String secretKey;
    private final Duration maxSkew;
    private final Clock clock;

    /**
     * @param maxSkew the largest accepted distance, either way, between a report's {@code time} and {@code clock}
     * @param clock injected so that tests can stand exactly at the edges of the time window
     */
    public BillingReportVerifier(long serviceId, String secretKey, Duration maxSkew, Clock clock) {
        if (serviceId <= 0) {
            throw new IllegalArgumentException("MBS service id must be positive, not " + serviceId);
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("MBS secret key is required");
        }
        Objects.requireNonNull(maxSkew, "max skew is required");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("max skew must not be negative, not " + maxSkew);
        }
        this.serviceId = serviceId;
        this.secretKey = secretKey;
        this.maxSkew = maxSkew;
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /**
     * @param parameters the request's parameters, {@code ServletRequest#getParameterMap()}
     * @throws InvalidReportException with the first reason the report fails
     */
    public VerifiedReport verify(Map<String, String[]> parameters) throws InvalidReportException {
        Objects.requireNonNull(parameters, "parameters are required");
        String transactionId = single(parameters, "transaction_id", ID);
        String reportedService = single(parameters, "service_id", ID);
        String status = single(parameters, "status", null);
        TransactionStatus parsedStatus;
        try {
            parsedStatus = TransactionStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw InvalidReportException.badRequest("status");
        }
        String state = single(parameters, "state", STATE);
        String time = single(parameters, "time", TIME);
        String sign = single(parameters, "sign", SIGN);
        // the forms above keep every number within a long
        long parsedId = Long.parseLong(transactionId);
        long parsedService = Long.parseLong(reportedService);
        long parsedTime = Long.parseLong(time);

        String canonical = String.join("::", transactionId, reportedService, status, state, time);
        byte[] expected = ReportSigner.signCanonical(secretKey, canonical).getBytes(StandardCharsets.UTF_8);
        byte[] given = sign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw InvalidReportException.checksumFailed();
        }
        if (parsedService != serviceId) {
            throw InvalidReportException.unknownService();
        }
        Instant reportTime = Instant.ofEpochSecond(parsedTime);
        if (Duration.between(reportTime, clock.instant()).abs().compareTo(maxSkew) > 0) {
            // a stamp from the future would keep a captured report replayable for longer than maxSkew
            throw InvalidReportException.staleRequest();
        }
        return new VerifiedReport(parsedId, parsedService, parsedStatus, state, reportTime);
    }

    /**
     * The one value of a parameter. The same name twice with the same value is accepted: a site's template may
     * itself carry {@code transaction_id=%t}, to which the platform appends {@code transaction_id} again.
     */
    private static String single(Map<String, String[]> parameters, String name, Pattern form)
            throws InvalidReportException {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            throw InvalidReportException.badRequest(name);
        }
        String value = values[0];
        for (String other : values) {
            if (!Objects.equals(value, other)) {
                throw InvalidReportException.badRequest(name);
            }
        }
        if (value == null || value.isEmpty() || form != null && !form.matcher(value).matches()) {
            throw InvalidReportException.badRequest(name);
        }
        return value;
    }
}
