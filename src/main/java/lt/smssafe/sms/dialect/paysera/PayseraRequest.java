package lt.smssafe.sms.dialect.paysera;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.sms.dialect.FormQuery;
import lt.smssafe.sms.dialect.RequestValues;

/**
 * A callback as Paysera sends it to {@code /paysera} (docs/protocol.md §8.2): the fields of a paid SMS, form-encoded
 * into {@code data}, then signed ({@code ss1} with the project password, {@code ss2} and {@code ss3} with Paysera's
 * private key) or encrypted with the password instead. The one builder for whoever plays Paysera: the
 * signed-notification tool, the sandbox and the tests. Paysera passes the buyer's whole SMS as {@code sms}, keyword
 * included, and names the keyword in {@code key}. Unless set otherwise it is 1.45 EUR (145 cents) from a Bite phone
 * in Lithuania to 1679, not a test, version 1.6. Nothing is validated: a test may well want to send what the dialect
 * refuses.
 */
public final class PayseraRequest {
    private final RequestValues fields = new RequestValues("not a field Paysera sends: ");

    /** @param content what the buyer typed after the keyword */
    public PayseraRequest(String projectId, String id, String from, String keyword, String content) {
        fields.add("to", "1679");
        fields.add("sms", keyword + " " + content);
        fields.add("from", from);
        fields.add("operator", "Bite");
        fields.add("amount", "145");
        fields.add("currency", "EUR");
        fields.add("country", "LT");
        fields.add("id", id);
        fields.add("test", "0");
        fields.add("key", keyword);
        fields.add("projectid", projectId);
        fields.add("version", "1.6");
    }

    /**
     * Sets one of the fields, e.g. {@code set("operator", "Tele2")}; its place in the order stays.
     *
     * @throws IllegalArgumentException for a name Paysera does not send
     */
    public PayseraRequest set(String name, String value) {
        fields.set(name, value);
        return this;
    }

    /**
     * The {@code amount}, which Paysera gives in cents, of a price such as {@code 1.45}.
     *
     * @throws ArithmeticException for a price with parts of a cent
     */
    public PayseraRequest price(String price) {
        return set("amount", new BigDecimal(price).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY)
                .toPlainString());
    }

    /** Whether Paysera flags it as a test, as {@code 1} or {@code 0}. */
    public PayseraRequest test(boolean test) {
        return set("test", test ? "1" : "0");
    }

    /** The fields inside {@code data}, in Paysera's order: a copy to change as a test likes before signing. */
    public Map<String, String> fields() {
        return fields.present();
    }

    /** {@code data} with these of {@code ss1}, {@code ss2} and {@code ss3}, in that order. */
    public Map<String, String> signedWith(String password, PrivateKey privateKey, String... signatures) {
        return signed(fields(), password, privateKey, signatures);
    }

    /** {@code data} encrypted with the project password, and no signature: Paysera's newer form. */
    public Map<String, String> encryptedWith(String password) {
        return encrypted(fields(), password);
    }

    /**
     * These fields as {@code data}, then the named signatures: {@code ss1} with the password, {@code ss2} and
     * {@code ss3} with the private key (null when none is named).
     *
     * @throws IllegalArgumentException for a name that is none of the three
     */
    public static Map<String, String> signed(Map<String, String> fields, String password, PrivateKey privateKey,
            String... signatures) {
        String data = PayseraCodec.encode(FormQuery.of(fields).getBytes(StandardCharsets.UTF_8));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("data", data);
        for (String signature : signatures) {
            parameters.put(signature, switch (signature) {
                case "ss1" -> PayseraCodec.ss1(data, password);
                case "ss2" -> PayseraCodec.sign(PayseraCodec.RsaSignature.SS2, data, privateKey);
                case "ss3" -> PayseraCodec.sign(PayseraCodec.RsaSignature.SS3, data, privateKey);
                default -> throw new IllegalArgumentException("no signature " + signature);
            });
        }
        return parameters;
    }

    /** These fields as {@code data} encrypted with the project password, and no signature. */
    public static Map<String, String> encrypted(Map<String, String> fields, String password) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("data", PayseraCodec.encrypt(FormQuery.of(fields), password));
        return parameters;
    }
}
