package lt.smssafe.sms.dialect.smssafe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A notification as the sms:safe gateway sends it to {@code /result} (docs/protocol.md §2): the ten signed values in
 * the protocol's order, then {@code sign}. The one builder for whoever plays the gateway: the signed-notification
 * tool, the tests' fake gateway and the benchmark. Unless set otherwise it is a paid SMS of 1.45 EUR from a Bitė
 * phone in Lithuania to short code 1337. Nothing is validated: a test may well want to send what the gate refuses.
 */
public final class NotificationRequest {
    /** The parameter that carries the signature. */
    public static final String SIGN = "sign";

    private final Map<String, String> values = new LinkedHashMap<>();

    /** @param time Unix seconds, as text: a test may send any */
    public NotificationRequest(String safe, String messageId, String msisdn, String content, String time) {
        values.put("safe", safe);
        values.put("message_id", messageId);
        values.put("msisdn", msisdn);
        values.put("country", "lt");
        values.put("provider", "bite_lt");
        values.put("shortcode", "1337");
        values.put("content", content);
        values.put("cost_local", "1.45");
        values.put("currency", "EUR");
        values.put("time", time);
    }

    /**
     * Sets one of the ten signed values, e.g. {@code set("provider", "tele2_lt")}; its place in the order stays.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link NotificationSigner#SIGNED_PARAMETERS}
     */
    public NotificationRequest set(String name, String value) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("not a signed value of a notification: " + name);
        }
        values.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    /** The ten values, unsigned, in the protocol's order: a copy to change as a test likes before signing. */
    public Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }

    /** The ten values and their {@code sign}. */
    public Map<String, String> signedWith(NotificationSigner signer) {
        return signed(values, signer);
    }

    /** A copy of these parameters with {@code sign} put last, as the signer signs them (missing values as empty). */
    public static Map<String, String> signed(Map<String, String> parameters, NotificationSigner signer) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put(SIGN, signer.sign(parameters));
        return signed;
    }
}
