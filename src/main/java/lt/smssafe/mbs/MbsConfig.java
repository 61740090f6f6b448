package lt.smssafe.mbs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link MbsDirect} client needs: where the platform is, which service it speaks for, and how long it
 * waits. The secret key is never shown by {@link #toString()}, so a logged configuration leaks nothing.
 *
 * @param endpoint the platform's SOAP address: {@code https} in production, {@code http} for a local sandbox
 * @param serviceId the service id, the HTTP Basic user name
 * @param secretKey the service's secret key: the HTTP Basic password and the key that signs billing reports
 * @param reportUrl the billing-report URL template sent with every bill, or {@code null} for the one registered
 *     with the platform
 * @param connectTimeout how long to wait for a connection; {@code null} for {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param readTimeout how long to wait for an answer; {@code null} for {@link #DEFAULT_READ_TIMEOUT}
 */
public record MbsConfig(URI endpoint, long serviceId, String secretKey, ReportUrlTemplate reportUrl,
        Duration connectTimeout, Duration readTimeout) {
    /** Long enough for a TLS handshake across the internet, short enough not to hold a request thread. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The platform talks to the operator before it answers a bill, which can take a while. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public MbsConfig {
        checkEndpoint(endpoint);
        if (serviceId <= 0) {
            throw new IllegalArgumentException("MBS service id must be positive, not " + serviceId);
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("MBS secret key is required");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect timeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "read timeout");
    }

    /**
     * The endpoint, if it is one the client may use: an absolute {@code https} (or {@code http}) URL without
     * credentials in it.
     *
     * @throws IllegalArgumentException saying why not
     */
    public static URI checkEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "MBS endpoint is required");
        String scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("MBS endpoint must be an absolute https (or http) URL, not '"
                    + endpoint + "'");
        }
        if (endpoint.getRawUserInfo() != null) {
            // credentials in the URL would end up in every log line that names the endpoint
            throw new IllegalArgumentException("MBS endpoint must not carry credentials: the service id and secret"
                    + " key are sent with HTTP Basic");
        }
        return endpoint;
    }

    /**
     * A configuration with the default timeouts.
     *
     * @param reportUrlTemplate the billing-report URL template (see {@link ReportUrlTemplate}), or {@code null}
     * @throws IllegalArgumentException naming what is wrong, e.g. an unknown placeholder of the template
     */
    public static MbsConfig of(URI endpoint, long serviceId, String secretKey, String reportUrlTemplate) {
        return new MbsConfig(endpoint, serviceId, secretKey,
                reportUrlTemplate == null ? null : ReportUrlTemplate.parse(reportUrlTemplate), null, null);
    }


    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        // JAX-WS takes timeouts as int milliseconds; 0 would mean "wait forever"
        if (value.toMillis() <= 0 || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("MBS " + name + " must be between 1 ms and " + Integer.MAX_VALUE
                    + " ms, not " + value);
        }
        return value;
    }

    /** Everything but the secret key. */
    @Override
    public String toString() {
        return "MbsConfig[endpoint=" + endpoint + ", serviceId=" + serviceId + ", secretKey=(hidden)"
                + ", reportUrl=" + (reportUrl == null ? "none" : reportUrl.template()) + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
