package lt.smssafe.rates;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import lt.smssafe.outbound.Deadline;
import lt.smssafe.outbound.OutboundHttp;

/**
 * The rates feed over http and https, with the {@link OutboundHttp} client, which {@link #close()} releases whole.
 * Connecting may take the connect timeout; the whole answer, headers and body, the request timeout (a
 * {@link Deadline} on the refresher's scheduler).
 */
final class HttpFeed implements AutoCloseable {
    private final CloseableHttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private volatile HttpGet inFlight;
    private volatile boolean closed;

    HttpFeed(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = OutboundHttp.client(connectTimeout, requestTimeout).setRedirectStrategy(new NoDowngrade()).build();
    }

    /**
     * The body of a 200 answer from the source, of at most {@link RatesSource#MAX_BYTES}.
     *
     * @param deadlines where the task that aborts an answer past its deadline runs
     * @throws RatesFetchException saying why, e.g. {@code no answer from http://… within 30 s}
     */
    byte[] fetch(RatesSource source, ScheduledExecutorService deadlines) throws RatesFetchException {
        HttpGet get = new HttpGet(source.uri());
        get.addHeader("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1");
        Deadline deadline;
        try {
            deadline = Deadline.of(get, requestTimeout, deadlines);
        } catch (RejectedExecutionException closing) {
            throw new RatesFetchException("interrupted while fetching " + source.redacted());
        }
        inFlight = get;
        try (deadline) {
            if (closed) {
                throw new RatesFetchException("interrupted while fetching " + source.redacted());
            }
            return read(source, get);
        } catch (IOException e) {
            throw failure(source, e, deadline.passed());
        } finally {
            inFlight = null;
        }
    }

    private byte[] read(RatesSource source, HttpGet get) throws IOException, RatesFetchException {
        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            if (response.getCode() != 200) {
                // an error page is not read at all: its status is all the admin needs
                throw new RatesFetchException("HTTP " + response.getCode() + " from " + source.redacted());
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return new byte[0];
            }
            if (entity.getContentLength() > RatesSource.MAX_BYTES) {
                throw tooLarge(source);
            }
            try (InputStream body = entity.getContent()) {
                byte[] bytes = body.readNBytes(RatesSource.MAX_BYTES + 1);
                if (bytes.length > RatesSource.MAX_BYTES) {
                    throw tooLarge(source);
                }
                return bytes;
            }
        }
    }

    private static RatesFetchException tooLarge(RatesSource source) {
        return new RatesFetchException("the feed from " + source.redacted() + " is larger than "
                + RatesSource.megabytes());
    }

    private RatesFetchException failure(RatesSource source, IOException cause, boolean late) {
        String from = source.redacted();
        if (closed) {
            return new RatesFetchException("interrupted while fetching " + from);
        }
        if (cause instanceof ConnectTimeoutException) {
            return new RatesFetchException("no answer from " + from + " within " + RatesSource.format(connectTimeout));
        }
        if (late || cause instanceof SocketTimeoutException) {
            return new RatesFetchException("no answer from " + from + " within " + RatesSource.format(requestTimeout));
        }
        if (cause instanceof ConnectException) {
            // the client says "Connect to http://host:port failed: Connection refused": the host is said already
            String why = String.valueOf(cause.getMessage()).replaceFirst("^Connect to .* failed: ", "");
            return new RatesFetchException("cannot connect to " + from + ": " + why);
        }
        return new RatesFetchException("cannot fetch " + from + source.detail(cause));
    }

    /** Undeploying: a fetch in progress is aborted and fails as interrupted. */
    void abort() {
        closed = true;
        HttpGet running = inFlight;
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    public void close() {
        abort();
        client.close(CloseMode.IMMEDIATE);
    }

    /** A feed moved from http to https is followed; from https to http never: its answer is the redirect's status. */
    private static final class NoDowngrade extends DefaultRedirectStrategy {
        @Override
        public boolean isRedirectAllowed(HttpHost current, HttpHost next, HttpRequest redirect, HttpContext context) {
            return !("https".equalsIgnoreCase(current.getSchemeName())
                    && !"https".equalsIgnoreCase(next.getSchemeName()))
                    && super.isRedirectAllowed(current, next, redirect, context);
        }
    }
}
