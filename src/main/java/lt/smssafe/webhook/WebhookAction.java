package lt.smssafe.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.api.PaymentAction;
import lt.smssafe.api.ReversedMessage;
import lt.smssafe.outbound.Deadline;
import lt.smssafe.outbound.OutboundHttp;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The webhook as a payment action (docs/protocol.md §10): each payment becomes one {@link WebhookEvent}, POSTed to
 * {@code webhook.url} with {@code Content-Type: application/json}, {@code SmsSafe-Event: <id>} and the
 * {@code SmsSafe-Signature} of {@link WebhookSigner}. A 2xx answer within the limit (10 s) is delivered; anything
 * else — another status, a redirect (never followed), no answer in time, a refused connection, a TLS or name
 * failure — throws a {@link WebhookDeliveryException} saying what happened, and the webhook's runner retries it.
 *
 * <p>The limit is for the whole exchange, connecting included: a {@link Deadline} on this action's timer thread
 * aborts the request when it is up. Neither the secret nor a signature is ever logged or put into an error.
 */
public final class WebhookAction implements PaymentAction, AutoCloseable {
    /** docs/protocol.md §10: a 2xx answer within 10 seconds is delivered. */
    public static final Duration LIMIT = Duration.ofSeconds(10);
    /** The header that names the event: its id, the receiver's idempotency key. */
    public static final String EVENT_HEADER = "SmsSafe-Event";
    private static final ContentType JSON = ContentType.create("application/json");

    /** How a delivery went, as {@code smssafe.webhook.deliveries{outcome=…}} counts it on {@code /metrics}. */
    public enum Outcome {
        /** A 2xx answer within the limit. */
        DELIVERED,
        /** Another status (not a redirect). */
        HTTP_ERROR,
        /** No complete answer within the limit, connecting included. */
        TIMEOUT,
        /** No connection: refused, or no route. */
        REFUSED,
        /** A 3xx answer: redirects are not followed. */
        REDIRECT,
        /** Anything else: an unknown host, a TLS failure, a broken connection. */
        ERROR;

        /** Its name on {@code /metrics}, e.g. {@code http_error}. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final WebhookConfig config;
    private final long safe;
    private final Clock clock;
    private final Duration limit;
    private final WebhookSigner signer;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    /** The production webhook: {@link #LIMIT} for each delivery. */
    public WebhookAction(WebhookConfig config, long safe, Clock clock) {
        this(config, safe, clock, LIMIT);
    }

    /**
     * @param safe this installation's safe: MBS events' ids are derived with it
     * @param clock gives each delivery's signing time {@code t}
     * @param limit how long one delivery may take, connecting included; {@link #LIMIT} in production
     */
    public WebhookAction(WebhookConfig config, long safe, Clock clock, Duration limit) {
        this.config = config;
        this.safe = safe;
        this.clock = clock;
        this.limit = limit;
        this.signer = new WebhookSigner(config.secret());
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
        this.client = OutboundHttp.client(limit, limit)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(limit)).build())
                .disableRedirectHandling()
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smssafe-webhook-deadline");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void sessionClosed(ClosedSession session) throws WebhookDeliveryException {
        deliver(WebhookEvent.closed(session));
    }

    @Override
    public void transactionCommitted(CommittedTransaction transaction) throws WebhookDeliveryException {
        deliver(WebhookEvent.committed(safe, transaction));
    }

    @Override
    public void paymentReversed(ClosedSession session, ReversedMessage message, BigDecimal amount)
            throws WebhookDeliveryException {
        deliver(WebhookEvent.reversed(session, message, amount));
    }

    /**
     * POSTs the event, signed now.
     *
     * @throws WebhookDeliveryException when it was not delivered: not a 2xx answer within the limit
     */
    public void deliver(WebhookEvent event) throws WebhookDeliveryException {
        try {
            post(event);
            counts.get(Outcome.DELIVERED).increment();
        } catch (WebhookDeliveryException e) {
            counts.get(e.outcome()).increment();
            throw e;
        }
    }

    private void post(WebhookEvent event) throws WebhookDeliveryException {
        String body = event.json();
        HttpPost post = new HttpPost(config.url());
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        post.setHeader(EVENT_HEADER, event.id());
        post.setHeader(WebhookSigner.HEADER, signer.header(clock.instant().getEpochSecond(), body));
        Deadline deadline;
        try {
            deadline = Deadline.of(post, limit, deadlines);
        } catch (RejectedExecutionException closing) {
            throw new WebhookDeliveryException(Outcome.ERROR, "not sent: the application is stopping");
        }
        try (deadline; ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int status = response.getCode();
            if (status >= 300 && status < 400) {
                throw new WebhookDeliveryException(Outcome.REDIRECT, "redirect (" + status + ") not followed");
            }
            if (status < 200 || status >= 300) {
                throw new WebhookDeliveryException(Outcome.HTTP_ERROR, "HTTP " + status);
            }
        } catch (IOException e) {
            throw failure(e, deadline.passed());
        }
    }

    private WebhookDeliveryException failure(IOException cause, boolean late) {
        if (late || cause instanceof ConnectTimeoutException || cause instanceof SocketTimeoutException) {
            return new WebhookDeliveryException(Outcome.TIMEOUT, "no answer within " + seconds(limit));
        }
        if (cause instanceof ConnectException) {
            // the client says "Connect to http://host:port [...] failed: Connection refused"
            String why = String.valueOf(cause.getMessage()).replaceFirst("^Connect to .* failed: ", "");
            return new WebhookDeliveryException(Outcome.REFUSED, why.toLowerCase(java.util.Locale.ROOT)
                    .contains("refused") ? "connection refused" : "cannot connect: " + why);
        }
        if (cause instanceof UnknownHostException) {
            return new WebhookDeliveryException(Outcome.ERROR, "unknown host " + config.url().getHost());
        }
        if (cause instanceof SSLException) {
            return new WebhookDeliveryException(Outcome.ERROR, "TLS failed: " + cause.getMessage());
        }
        return new WebhookDeliveryException(Outcome.ERROR, "cannot deliver: " + cause);
    }

    /** {@code 10 s}, or {@code 300 ms} for a limit that is not whole seconds. */
    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** Deliveries of this node by outcome since it started. */
    public long deliveries(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    /** Undeploying: a delivery in progress is aborted and fails, and is retried by another node or the next start. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
