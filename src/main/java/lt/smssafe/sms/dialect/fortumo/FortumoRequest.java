package lt.smssafe.sms.dialect.fortumo;

import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.sms.dialect.RequestValues;

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

    /** In Fortumo's order; {@code price_wo_vat} and {@code service_id} are left out until set. */
    private final RequestValues parameters = new RequestValues("not a parameter Fortumo sends: ");

    public FortumoRequest(String messageId, String sender, String keyword, String message) {
        parameters.add("message", message);
        parameters.add("sender", sender);
        parameters.add("country", "LT");
        parameters.add("price", "1.45");
        parameters.add(PRICE_WITHOUT_VAT, null);
        parameters.add("currency", "EUR");
        parameters.add(SERVICE_ID, null);
        parameters.add("message_id", messageId);
        parameters.add("keyword", keyword);
        parameters.add("shortcode", "1337");
        parameters.add("operator", "Bite");
        parameters.add("billing_type", "MO");
        parameters.add("status", "pending");
        parameters.add("test", "false");
    }

    /**
     * Sets one of the parameters, e.g. {@code set("operator", "Tele2 LT")}; its place in the order stays.
     *
     * @throws IllegalArgumentException for a name Fortumo does not send
     */
    public FortumoRequest set(String name, String value) {
        parameters.set(name, value);
        return this;
    }

    /** The service's id, sent only by a service that has one: empty leaves it out. */
    public FortumoRequest serviceId(String serviceId) {
        if (serviceId.isEmpty()) {
            parameters.leaveOut(SERVICE_ID);
            return this;
        }
        return set(SERVICE_ID, serviceId);
    }

    /** Whether Fortumo flags it as a test, as {@code true} or {@code false}. */
    public FortumoRequest test(boolean test) {
        return set("test", String.valueOf(test));
    }

    /** The parameters, unsigned, in Fortumo's order: a copy to change as a test likes before signing. */
    public Map<String, String> parameters() {
        return parameters.present();
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
