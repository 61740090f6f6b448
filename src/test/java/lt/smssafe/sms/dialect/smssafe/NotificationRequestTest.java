package lt.smssafe.sms.dialect.smssafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.signing.TimeWindow;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import org.junit.jupiter.api.Test;

/** What the builder makes is what the production gate accepts, with the values it was given. */
class NotificationRequestTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_763_805_600);
    private static final Passkey PASSKEY = Passkey.of("builder-passkey");

    private static Notification read(SignatureScheme scheme, Map<String, String> parameters)
            throws RejectedRequestException {
        Map<String, String[]> request = new LinkedHashMap<>();
        parameters.forEach((name, value) -> request.put(name, new String[] {value}));
        return new SmsSafeDialect(new NotificationGate(77, new NotificationSigner(scheme, PASSKEY),
                new TimeWindow(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)), AddressFilter.allowAll()))
                .read(new GatewayRequest("127.0.0.1", request));
    }

    @Test
    void aSignedRequestIsReadWithItsValuesInEitherScheme() throws RejectedRequestException {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            Map<String, String> signed = new NotificationRequest("77", "n-1", "37060000001", "order 42",
                    String.valueOf(NOW.getEpochSecond())).set("provider", "tele2_lt").set("cost_local", "2.90")
                    .signedWith(new NotificationSigner(scheme, PASSKEY));

            Notification notification = read(scheme, signed);

            assertThat(signed.keySet()).containsExactly("safe", "message_id", "msisdn", "country", "provider",
                    "shortcode", "content", "cost_local", "currency", "time", "sign");
            assertThat(List.of(notification.messageId(), notification.msisdn(), notification.country(),
                    notification.operator(), notification.content(), notification.cost(), notification.currency()))
                    .containsExactly("n-1", "37060000001", "lt", "tele2_lt", "order 42", new BigDecimal("2.90"), "EUR");
        }
    }

    @Test
    void onlyTheTenSignedValuesCanBeSet() {
        assertThatThrownBy(() -> new NotificationRequest("77", "n-1", "37060000001", "x", "0").set("sign", "00"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
