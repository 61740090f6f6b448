package lt.smssafe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import lt.smssafe.sms.dialect.fortumo.FortumoSigner;
import lt.smssafe.sms.dialect.paysera.PayseraCodec;

/**
 * The live gateways as the tests and the sandbox play them: Fortumo and Paysera calling an endpoint with a paid SMS
 * (and Fortumo with its billing report), signed with the production signers exactly as the gateway signs.
 */
public final class FakeGateway {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FakeGateway() {
    }

    /** A Fortumo service: its endpoint, secret and service id. */
    public record Fortumo(URI endpoint, String secret, String serviceId) {
        /** A pending (paid) message as Fortumo sends it. */
        public Map<String, String> message(String messageId, String sender, String text, String price, boolean test) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("message", text);
            p.put("sender", sender);
            p.put("country", "LT");
            p.put("price", price);
            p.put("price_wo_vat", price);
            p.put("currency", "EUR");
            if (!serviceId.isEmpty()) {
                p.put("service_id", serviceId);
            }
            p.put("message_id", messageId);
            p.put("keyword", "SAFE");
            p.put("shortcode", "1337");
            p.put("operator", "Tele2 LT");
            p.put("billing_type", "MO");
            p.put("status", "pending");
            p.put("test", String.valueOf(test));
            return p;
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
            return sendWithSig(parameters, sig(parameters));
        }

        /** The {@code sig} Fortumo puts on these parameters. */
        public String sig(Map<String, String> parameters) {
            return new FortumoSigner(secret).sign(parameters);
        }

        /** Sends these parameters with this {@code sig} as they are: e.g. a captured sig on pairs cut otherwise. */
        public HttpResponse<String> sendWithSig(Map<String, String> parameters, String sig) {
            Map<String, String> signed = new LinkedHashMap<>(parameters);
            signed.put("sig", sig);
            return get(endpoint, signed);
        }
    }

    /** A Paysera project: its endpoint, id, password and the private key that makes ss2 and ss3. */
    public record Paysera(URI endpoint, long projectId, String password, PrivateKey privateKey) {
        /** The fields inside {@code data} of a paid SMS as Paysera sends it. */
        public Map<String, String> message(String id, String from, String content, int cents, boolean test) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("to", "1679");
            f.put("sms", "SAFE " + content);
            f.put("from", from);
            f.put("operator", "Bite");
            f.put("amount", String.valueOf(cents));
            f.put("currency", "EUR");
            f.put("country", "LT");
            f.put("id", id);
            f.put("test", test ? "1" : "0");
            f.put("key", "SAFE");
            f.put("projectid", String.valueOf(projectId));
            f.put("version", "1.6");
            return f;
        }

        /** Sends the fields as {@code data} with {@code ss1}, {@code ss2} and {@code ss3}, as Paysera does. */
        public HttpResponse<String> send(Map<String, String> fields) {
            return sendWith(fields, "ss1", "ss2", "ss3");
        }

        /** Sends the fields as {@code data} with only these of {@code ss1}, {@code ss2} and {@code ss3}. */
        public HttpResponse<String> sendWith(Map<String, String> fields, String... signatures) {
            String data = PayseraCodec.encode(query(fields).getBytes(StandardCharsets.UTF_8));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("data", data);
            for (String signature : signatures) {
                params.put(signature, switch (signature) {
                    case "ss1" -> PayseraCodec.ss1(data, password);
                    case "ss2" -> PayseraCodec.sign(PayseraCodec.RsaSignature.SS2, data, privateKey);
                    case "ss3" -> PayseraCodec.sign(PayseraCodec.RsaSignature.SS3, data, privateKey);
                    default -> throw new IllegalArgumentException("no signature " + signature);
                });
            }
            return get(endpoint, params);
        }

        /** Sends the fields encrypted with the project password and no signature, Paysera's newer form. */
        public HttpResponse<String> sendEncrypted(Map<String, String> fields) {
            return get(endpoint, Map.of("data", PayseraCodec.encrypt(query(fields), password)));
        }
    }

    private static String query(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> get(URI endpoint, Map<String, String> params) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "?" + query(params)))
                            .timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
