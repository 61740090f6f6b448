package lt.smssafe.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, as lower-case hex over UTF-8 text. The key is set once: each signature starts from a
 * copy of the keyed MAC instead of looking the algorithm up and deriving the key's pads again, since a gateway's
 * every notification is verified with it. Safe for concurrent use (the keyed MAC is only ever copied).
 */
public final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Mac keyed;

    /** @param key any non-empty byte key */
    public HmacSha256(byte[] key) {
        this.keyed = newMac(key);
    }

    /** {@code hex(HMAC-SHA256(key, data))}, the data as UTF-8. */
    public String hex(String data) {
        return HEX.formatHex(copy().doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac copy() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            // every JDK's HmacSHA256 can be copied; a provider whose cannot must be set up again each time
            throw new IllegalStateException("the HmacSHA256 of " + keyed.getProvider() + " cannot be copied", e);
        }
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256, and any non-empty byte key is valid for it
            throw new IllegalStateException("HmacSHA256, which every Java runtime must provide, is unavailable", e);
        }
    }
}
