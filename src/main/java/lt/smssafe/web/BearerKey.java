package lt.smssafe.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The {@code api.key} of {@code /redeem} (docs/protocol.md §9), checked against a request's
 * {@code Authorization: Bearer <key>} in constant time: both sides are hashed first and the digests compared with
 * {@link MessageDigest#isEqual}, so that neither the position of the first wrong character nor the key's length
 * shows in how long a refusal takes.
 */
final class BearerKey {
    private static final String SCHEME = "bearer ";

    private final byte[] expected;

    BearerKey(String key) {
        this.expected = sha256(key);
    }

    /** Whether the header is {@code Bearer <the key>}; the scheme in any case, as RFC 7235 reads it. */
    boolean admits(String authorization) {
        String presented = authorization == null || authorization.length() < SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME) ? ""
                : authorization.substring(SCHEME.length()).strip();
        // compared even when nothing was presented, so that a missing key takes as long as a wrong one
        return MessageDigest.isEqual(sha256(presented), expected) && !presented.isEmpty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
