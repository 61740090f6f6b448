package lt.smssafe.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's contract (docs/webhooks.md) computed as a receiver would, with the JDK alone and independently of the
 * production code: the {@code SmsSafe-Signature} of a body ({@link Mac}) and the id of an event
 * ({@link MessageDigest}), so that a test that checks the engine against these does not check it against itself.
 */
public final class WebhookContract {
    private WebhookContract() {
    }

    /** {@code hex(HMAC-SHA256(secret, t + "." + body))}, lower case, over the body's raw bytes. */
    public static String v1(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header {@code t=<t>,v1=<hex>} for this body signed at {@code t} with this secret. */
    public static String signature(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + v1(secret, t, body);
    }

    /** The {@code t} of a {@code SmsSafe-Signature} header {@code t=…,v1=…}. */
    public static long t(String header) {
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                return Long.parseLong(part.substring(2));
            }
        }
        throw new IllegalArgumentException("no t in " + header);
    }

    /** Whether the header is this body's signature with this secret, at the header's own {@code t}. */
    public static boolean signs(String header, String secret, byte[] body) {
        return header != null && header.equals(signature(secret, t(header), body));
    }

    /**
     * An event's id as docs/webhooks.md defines it: {@code evt_} and the first 16 bytes, in lower-case hex, of
     * SHA-256 of {@code <safe>|<type>|<key>} (for {@code session.closed} the key is the session's code).
     */
    public static String eventId(long safe, String type, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((safe + "|" + type + "|" + key).getBytes(StandardCharsets.UTF_8));
            return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
