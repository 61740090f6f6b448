package lt.smssafe.sms.dialect.fortumo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request as Fortumo sends it to {@code /fortumo} (docs/protocol.md §8.1): a paid message ({@code status=pending})
 * or, with another status, its later billing report, in the order Fortumo writes the parameters, then {@code sig}.
 * The one builder for whoever plays Fortumo: the signed-notification tool, the sandbox and the tests. The buyer sent
 * {@code <keyword> <message>}: Fortumo routes by the keyword and passes what follows it as {@code message}. Unless
 * set otherwise it is 1.45 EUR in Lithuania at short code 1337, operator Bite, no {@code service_id}, not a test.
 * Nothing is validated: a test may well want to send what the dialect refuses.
 */
public final class FortumoRequest {
    private static final String PRICE_WITHOUT_VAT = "price_wo_vat";
    private static final String SERVICE_ID = "service_id";

    /** In Fortumo's order; {@code price_wo_vat} and {@code service_id} are left out while null. */
    private final Map<String, String> parameters = new LinkedHashMap<>();

    public FortumoRequest(String messageId, String sender, String keyword, String message) {
        parameters.put("message", message);
        parameters.put("sender", sender);
        parameters.put("country", "LT");
        parameters.put("price", "1.45");
        parameters.put(PRICE_WITHOUT_VAT, null);
        parameters.put("currency", "EUR");
        parameters.put(SERVICE_ID, null);
        parameters.put("message_id", messageId);
        parameters.put("keyword", keyword);
        parameters.put("shortcode", "1337");
        parameters.put("operator", "Bite");
        parameters.put("billing_type", "MO");
        parameters.put("status", "pending");
        parameters.put("test", "false");
    }

    /**
     * Sets one of the parameters, e.g. {@code set("operator", "Tele2 LT")}; its place in the order stays.
     *
     * @throws IllegalArgumentException for a name Fortumo does not send
     */
    public FortumoRequest set(String name, String value) {
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException("not a parameter Fortumo sends: " + name);
        }
        parameters.put(name, Objects.requireNonNull(value, name));
        return this;
    }

    /** The service's id, sent only by a service that has one: empty leaves it out. */
    public FortumoRequest serviceId(String serviceId) {
        parameters.put(SERVICE_ID, serviceId.isEmpty() ? null : serviceId);
        return this;
    }

    /** Whether Fortumo flags it as a test, as {@code true} or {@code false}. */
    public FortumoRequest test(boolean test) {
        return set("test", String.valueOf(test));
    }

    /** The parameters, unsigned, in Fortumo's order: a copy to change as a test likes before signing. */
    public Map<String, String> parameters() {
        Map<String, String> present = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }

    /** The parameters and their {@code sig}. */
    public Map<String, String> signedWith(FortumoSigner signer) {
        return signed(parameters(), signer);
    }

    /** A copy of these parameters with {@code sig} put last, as Fortumo signs them. */
    public static Map<String, String> signed(Map<String, String> parameters, FortumoSigner signer) {
        Map<String, String> signed = new LinkedHashMap<>(parameters);
        signed.put(FortumoSigner.SIG, signer.sign(parameters));
        return signed;
    }
}
