package lt.smssafe.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import lt.smssafe.sms.dialect.smssafe.NotificationRequest;
import lt.smssafe.sms.dialect.smssafe.NotificationSigner;
import lt.smssafe.sms.dialect.smssafe.Passkey;
import lt.smssafe.sms.dialect.smssafe.SignatureScheme;
import lt.smssafe.sms.dialect.FormQuery;

/**
 * Plays the sms:safe gateway over real HTTP: a paid SMS built and signed as the production
 * {@link NotificationRequest} builds it, sent to {@code /result}. (Fortumo and Paysera are {@link FakeLiveGateway}.)
 */
public final class FakeSmsSafeGateway {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI result;
    private final NotificationSigner signer;

    public FakeSmsSafeGateway(URI result, SignatureScheme scheme, String passkey) {
        this.result = result;
        this.signer = new NotificationSigner(scheme, Passkey.of(passkey));
    }

    /** A valid paid SMS from this phone with this id, of now, unsigned (sign it with {@link #signed}). */
    public static Map<String, String> sms(long safe, String messageId, String msisdn, String content) {
        return request(safe, messageId, msisdn, content).values();
    }

    /** A valid paid SMS from a phone of this country and operator, of now, unsigned. */
    public static Map<String, String> sms(long safe, String messageId, String msisdn, String content, String country,
            String operator) {
        return request(safe, messageId, msisdn, content).set("country", country).set("provider", operator).values();
    }

    private static NotificationRequest request(long safe, String messageId, String msisdn, String content) {
        return new NotificationRequest(String.valueOf(safe), messageId, msisdn, content,
                String.valueOf(Instant.now().getEpochSecond()));
    }

    /** The parameters with {@code sign} set by the production signer. */
    public Map<String, String> signed(Map<String, String> params) {
        return NotificationRequest.signed(params, signer);
    }

    /** Sends these exact parameters (already signed, or deliberately not) with GET. */
    public HttpResponse<String> get(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(result + "?" + FormQuery.of(params))).GET());
    }

    /** Sends these exact parameters form-encoded with POST. */
    public HttpResponse<String> post(Map<String, String> params) {
        return send(HttpRequest.newBuilder(result).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormQuery.of(params))));
    }

    /** Signs and sends with GET. */
    public HttpResponse<String> deliver(Map<String, String> params) {
        return get(signed(params));
    }

    /** Sends a request as the gateways do, with their timeouts; {@link FakeLiveGateway} sends through here too. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
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
