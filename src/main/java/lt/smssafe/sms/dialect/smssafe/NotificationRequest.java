package lt.smssafe.sms.dialect.smssafe;

import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.sms.dialect.RequestValues;

/**
 * A notification as the sms:safe gateway sends it to {@code /result} (docs/protocol.md §2): the ten signed values in
 * the protocol's order, then {@code sign}. The one builder for whoever plays the gateway: the signed-notification
 * tool, the tests' fake gateway and the benchmark. Unless set otherwise it is a paid SMS of 1.45 EUR from a Bitė
 * phone in Lithuania to short code 1337. Nothing is validated: a test may well want to send what the gate refuses.
 */
public final class NotificationRequest {
    /** The parameter that carries the signature. */
    public static final String SIGN = "sign";

    private final RequestValues values = new RequestValues("not a signed value of a notification: ");

    /** @param time Unix seconds, as text: a test may send any */
    public NotificationRequest(String safe, String messageId, String msisdn, String content, String time) {
        values.add("safe", safe);
        values.add("message_id", messageId);
        values.add("msisdn", msisdn);
        values.add("country", "lt");
        values.add("provider", "bite_lt");
        values.add("shortcode", "1337");
        values.add("content", content);
        values.add("cost_local", "1.45");
        values.add("currency", "EUR");
        values.add("time", time);
    }

    /**
     * Sets one of the ten signed values, e.g. {@code set("provider", "tele2_lt")}; its place in the order stays.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link NotificationSigner#SIGNED_PARAMETERS}
     */
    public NotificationRequest set(String name, String value) {
        values.set(name, value);
        return this;
    }

    /** The ten values, unsigned, in the protocol's order: a copy to change as a test likes before signing. */
    public Map<String, String> values() {
        return values.present();
    }

    /** The ten values and their {@code sign}. */
    public Map<String, String> signedWith(NotificationSigner signer) {
        return signed(values(), signer);
    }

    /** A copy of these parameters with {@code sign} put last, as the signer signs them (missing values as empty). */
    public static Map<String, String> signed(Map<String, String> parameters, NotificationSigner signer) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put(SIGN, signer.sign(parameters));
        return signed;
    }
}
