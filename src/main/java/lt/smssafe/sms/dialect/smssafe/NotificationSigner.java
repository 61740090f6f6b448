package lt.smssafe.sms.dialect.smssafe;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lt.smssafe.signing.HmacSha256;
import lt.smssafe.signing.Signatures;

/**
 * Signs a notification as the gateway does (docs/protocol.md §2) and verifies one that arrived, so that there is one
 * definition of the signature: the gate verifies with it, {@link NotificationRequest} signs with it for the
 * signed-notification tool, the tests' fake gateway and the benchmark. {@code hmac-sha256}: {@code hex(HMAC-SHA256(key = passkey, data = canonical))}; {@code md5}:
 * {@code hex(MD5(passkey + "::" + canonical))}; all text as UTF-8.
 */
public final class NotificationSigner {
    /** The parameters whose values make the canonical string, in its order (docs/protocol.md §2). */
    public static final List<String> SIGNED_PARAMETERS = List.of("safe", "message_id", "msisdn", "country",
            "provider", "shortcode", "content", "cost_local", "currency", "time");
    /** What joins the canonical string's values. */
    static final String SEPARATOR = "::";

    private final SignatureScheme scheme;
    private final Passkey passkey;
    /** The passkey's HMAC, keyed once for every notification; null for {@code md5}. */
    private final HmacSha256 hmac;

    public NotificationSigner(SignatureScheme scheme, Passkey passkey) {
        this.scheme = Objects.requireNonNull(scheme, "signature scheme is required");
        this.passkey = Objects.requireNonNull(passkey, "passkey is required");
        this.hmac = scheme == SignatureScheme.HMAC_SHA256 ? new HmacSha256(passkey.utf8()) : null;
    }

    /** The signature of a canonical string, lower-case hex. */
    public String sign(String canonical) {
        Objects.requireNonNull(canonical, "canonical");
        return switch (scheme) {
            case HMAC_SHA256 -> hmac.hex(canonical);
            case MD5 -> Signatures.md5Hex(passkey.reveal() + SEPARATOR + canonical);
        };
    }

    /**
     * The signature of a notification built from these parameters (missing ones count as empty), as the
     * gateway sends it.
     */
    public String sign(Map<String, String> parameters) {
        return sign(SIGNED_PARAMETERS.stream().map(name -> parameters.getOrDefault(name, ""))
                .collect(Collectors.joining(SEPARATOR)));
    }

    /** Whether the notification's {@code sign} is the signature of its canonical string, in either case. */
    public boolean verify(Notification notification) {
        return Signatures.hexMatches(sign(notification.canonical()), notification.sign());
    }
}
