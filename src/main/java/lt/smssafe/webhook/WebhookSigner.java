package lt.smssafe.webhook;

import java.nio.charset.StandardCharsets;
import lt.smssafe.signing.HmacSha256;

/**
 * The value of the {@code SmsSafe-Signature} header (docs/protocol.md §10):
 * {@code t=<unix seconds>,v1=<hex(HMAC-SHA256(secret, t + "." + body))>}, over the body's UTF-8 bytes exactly as
 * sent. Safe for concurrent use.
 *
 * <p>A page that shows the receiver what to expect signs a sample event the same way:
 * {@code new WebhookSigner(secret).header(t, event.json())}.
 */
public final class WebhookSigner {
    /** The header that carries the signature. */
    public static final String HEADER = "SmsSafe-Signature";

    private final HmacSha256 hmac;

    /** @param secret the {@code webhook.secret}; not empty */
    public WebhookSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.hmac = new HmacSha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code t=<t>,v1=<hex>} for this body signed at {@code unixSeconds}. */
    public String header(long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + signature(unixSeconds, body);
    }

    /** {@code hex(HMAC-SHA256(secret, t + "." + body))}, lower case. */
    public String signature(long unixSeconds, String body) {
        return hmac.hex(unixSeconds + "." + body);
    }
}
