package lt.smssafe.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a notification was signed with this installation's passkey (PROTOCOL.md §2). The hex is compared
 * case-insensitively and in constant time, so that the time an answer takes tells a forger nothing about how many of
 * its leading characters were right.
 */
public final class SignatureVerifier {
    private final SignatureScheme scheme;
    private final Passkey passkey;

    public SignatureVerifier(SignatureScheme scheme, Passkey passkey) {
        this.scheme = Objects.requireNonNull(scheme, "signature scheme is required");
        this.passkey = Objects.requireNonNull(passkey, "passkey is required");
    }

    /** Whether {@code n.sign()} is the signature of {@code n.canonical()}, in either case. */
    public boolean verify(Notification n) {
        byte[] expected = Notification.sign(scheme, passkey, n.canonical()).getBytes(StandardCharsets.UTF_8);
        byte[] given = n.sign().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
