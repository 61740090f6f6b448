package lt.smssafe.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** Digests as lower-case hex over UTF-8 text, and the comparison of a received hex signature with the expected one. */
public final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    /** {@code hex(HMAC-SHA256(key, data))}, the data as UTF-8 (for one signature; see {@link HmacSha256}). */
    public static String hmacSha256Hex(byte[] key, String data) {
        return new HmacSha256(key).hex(data);
    }

    /** {@code hex(HMAC-SHA256(key, data))}, key and data as UTF-8. */
    public static String hmacSha256Hex(String key, String data) {
        return hmacSha256Hex(key.getBytes(StandardCharsets.UTF_8), data);
    }

    /** {@code hex(MD5(data))}, the data as UTF-8: only for gateways that sign no better. */
    public static String md5Hex(String data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5, which every Java runtime must provide, is unavailable", e);
        }
    }

    /**
     * Whether the received hex is the expected signature, in either letter case. The comparison takes the same time
     * however many leading characters are right, so the time an answer takes tells a forger nothing.
     *
     * @param expected lower-case hex, as the methods above make it
     */
    public static boolean hexMatches(String expected, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
