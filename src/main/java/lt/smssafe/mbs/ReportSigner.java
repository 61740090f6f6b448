package lt.smssafe.mbs;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a billing report as the platform does (PROTOCOL.md §7):
 * {@code sign = hex(HMAC-SHA256(secret key, transaction_id::service_id::status::state::time))}. The verifier checks
 * with it, and the test platform and the tests sign with it, so there is one definition of the signature.
 */
public final class ReportSigner {
    private static final String HMAC_SHA256 = "HmacSHA256";

    private ReportSigner() {
    }

    /**
     * The signature of a report, lower-case hex.
     *
     * @param status the wire name, e.g. {@code commit}
     * @param time Unix seconds
     */
    public static String sign(String secretKey, long transactionId, long serviceId, String status, String state,
            long time) {
        return signCanonical(secretKey, String.join("::", String.valueOf(transactionId), String.valueOf(serviceId),
                status, state, String.valueOf(time)));
    }

    /** The signature of the canonical string, lower-case hex. */
    static String signCanonical(String secretKey, String canonical) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java platform has HmacSHA256, and any non-empty byte key is valid for it
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
