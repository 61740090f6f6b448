package lt.smssafe.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;

/**
 * Plays the SMS provider over real HTTP: builds the eleven parameters of a paid SMS, signs them with the production
 * signer, and calls {@code /result}.
 */
public final class FakeProvider {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI result;
    private final SignatureScheme scheme;
    private final Passkey passkey;

    public FakeProvider(URI result, SignatureScheme scheme, String passkey) {
        this.result = result;
        this.scheme = scheme;
        this.passkey = Passkey.of(passkey);
    }

    /** A valid paid SMS from this phone with this id, signed now. */
    public static Map<String, String> sms(long safe, String messageId, String msisdn, String content) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("safe", String.valueOf(safe));
        params.put("message_id", messageId);
        params.put("msisdn", msisdn);
        params.put("country", "lt");
        params.put("provider", "bite_lt");
        params.put("shortcode", "1337");
        params.put("content", content);
        params.put("cost_local", "1.45");
        params.put("currency", "EUR");
        params.put("time", String.valueOf(Instant.now().getEpochSecond()));
        return params;
    }

    /** A valid paid SMS from a phone of this country and operator, signed now. */
    public static Map<String, String> sms(long safe, String messageId, String msisdn, String content, String country,
            String provider) {
        Map<String, String> params = sms(safe, messageId, msisdn, content);
        params.put("country", country);
        params.put("provider", provider);
        return params;
    }

    /** The parameters with {@code sign} set by the production signer. */
    public Map<String, String> signed(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put("sign", new NotificationSigner(scheme, passkey).sign(copy));
        return copy;
    }

    /** Sends these exact parameters (already signed, or deliberately not) with GET. */
    public HttpResponse<String> get(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(result + "?" + form(params))).GET());
    }

    /** Sends these exact parameters form-encoded with POST. */
    public HttpResponse<String> post(Map<String, String> params) {
        return send(HttpRequest.newBuilder(result).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    /** Signs and sends with GET. */
    public HttpResponse<String> deliver(Map<String, String> params) {
        return get(signed(params));
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
