package lt.smssafe.outbound;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The client every outbound call starts from: it starts no thread (closing it releases it whole, so undeploying
 * leaves nothing that holds the class loader), keeps no connection between calls, and never retries on its own.
 */
public final class OutboundHttp {
    /** The {@code User-Agent} of every outbound call. */
    public static final String USER_AGENT = "sms:safe for Java";

    private OutboundHttp() {
    }

    /**
     * A builder set up as above; the caller adds its redirect policy and builds it.
     *
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout the longest wait for each read of the answer (not for the whole answer: see {@link Deadline})
     */
    public static HttpClientBuilder client(Duration connectTimeout, Duration readTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                // calls are minutes or hours apart: a connection kept open would only be found dead on reuse
                .setConnectionReuseStrategy((request, response, context) -> false)
                // the caller's own schedule is the retry: every failure is recorded and shown, never hidden
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT);
    }
}
