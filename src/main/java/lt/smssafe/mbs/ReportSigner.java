package lt.smssafe.mbs;

import lt.smssafe.signing.Signatures;

/**
 * Signs a billing report as the platform does (docs/protocol.md §7):
 * {@code sign = hex(HMAC-SHA256(secret key, transaction_id::service_id::status::state::time))}. The verifier checks
 * with it, and the test platform and the tests sign with it, so there is one definition of the signature.
 */
public final class ReportSigner {
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
        return signCanonical(secretKey, canonical(String.valueOf(transactionId), String.valueOf(serviceId), status,
                state, String.valueOf(time)));
    }

    /** The signed string: the five values as sent, joined with {@code ::}. */
    static String canonical(String transactionId, String serviceId, String status, String state, String time) {
        return String.join("::", transactionId, serviceId, status, state, time);
    }

    /** The signature of the canonical string, lower-case hex. */
    static String signCanonical(String secretKey, String canonical) {
        return Signatures.hmacSha256Hex(secretKey, canonical);
    }
}
