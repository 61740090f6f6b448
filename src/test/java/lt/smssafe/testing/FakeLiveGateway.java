package lt.smssafe.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.smssafe.sms.dialect.fortumo.FortumoRequest;
import lt.smssafe.sms.dialect.fortumo.FortumoSigner;
import lt.smssafe.sms.dialect.paysera.PayseraRequest;
import lt.smssafe.sms.dialect.FormQuery;

/**
 * The live gateways as the tests and the sandbox play them: Fortumo and Paysera calling an endpoint with a paid SMS
 * (and Fortumo with its billing report), built and signed by the production {@link FortumoRequest} and
 * {@link PayseraRequest} exactly as the gateway signs. (The sms:safe gateway of {@code /result} is
 * {@link FakeSmsSafeGateway}.)
 */
public final class FakeLiveGateway {
    private FakeLiveGateway() {
    }

    /** A Fortumo service: its endpoint, secret and service id. */
    public record Fortumo(URI endpoint, String secret, String serviceId) {
        /** A pending (paid) message as Fortumo sends it, keyword {@code SAFE}, from a Tele2 phone. */
        public Map<String, String> message(String messageId, String sender, String text, String price, boolean test) {
            return new FortumoRequest(messageId, sender, "SAFE", text).set("price", price).set("price_wo_vat", price)
                    .serviceId(serviceId).set("operator", "Tele2 LT").test(test).parameters();
        }

        /** The same message at this operator (its name as Fortumo writes it) and country. */
        public Map<String, String> at(Map<String, String> message, String country, String operator,
                String shortcode) {
            Map<String, String> p = new LinkedHashMap<>(message);
            p.put("country", country.toUpperCase(java.util.Locale.ROOT));
            p.put("operator", operator);
            p.put("shortcode", shortcode);
            return p;
        }

        /** Fortumo's later billing report of a message: {@code ok} or {@code failed}. */
        public Map<String, String> report(Map<String, String> message, String status) {
            Map<String, String> p = new LinkedHashMap<>(message);
            p.put("status", status);
            return p;
        }

        /** Signs (as Fortumo: sorted pairs, MD5 with the secret) and sends with GET. */
        public HttpResponse<String> send(Map<String, String> parameters) {
            return get(endpoint, FortumoRequest.signed(parameters, new FortumoSigner(secret)));
        }

        /** The {@code sig} Fortumo puts on these parameters. */
        public String sig(Map<String, String> parameters) {
            return new FortumoSigner(secret).sign(parameters);
        }

        /** Sends these parameters with this {@code sig} as they are: e.g. a captured sig on pairs cut otherwise. */
        public HttpResponse<String> sendWithSig(Map<String, String> parameters, String sig) {
            Map<String, String> signed = new LinkedHashMap<>(parameters);
            signed.put(FortumoSigner.SIG, sig);
            return get(endpoint, signed);
        }
    }

    /** A Paysera project: its endpoint, id, password and the private key that makes ss2 and ss3. */
    public record Paysera(URI endpoint, long projectId, String password, PrivateKey privateKey) {
        /** The fields inside {@code data} of a paid SMS as Paysera sends it, keyword {@code SAFE}. */
        public Map<String, String> message(String id, String from, String content, int cents, boolean test) {
            return new PayseraRequest(String.valueOf(projectId), id, from, "SAFE", content)
                    .set("amount", String.valueOf(cents)).test(test).fields();
        }

        /** Sends the fields as {@code data} with {@code ss1}, {@code ss2} and {@code ss3}, as Paysera does. */
        public HttpResponse<String> send(Map<String, String> fields) {
            return sendWith(fields, "ss1", "ss2", "ss3");
        }

        /** Sends the fields as {@code data} with only these of {@code ss1}, {@code ss2} and {@code ss3}. */
        public HttpResponse<String> sendWith(Map<String, String> fields, String... signatures) {
            return get(endpoint, PayseraRequest.signed(fields, password, privateKey, signatures));
        }

        /** Sends the fields encrypted with the project password and no signature, Paysera's newer form. */
        public HttpResponse<String> sendEncrypted(Map<String, String> fields) {
            return get(endpoint, PayseraRequest.encrypted(fields, password));
        }
    }

    private static HttpResponse<String> get(URI endpoint, Map<String, String> params) {
        return FakeSmsSafeGateway.send(
                HttpRequest.newBuilder(URI.create(endpoint + "?" + FormQuery.of(params))).GET());
    }
}
