package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature header, checked against the JDK's own HMAC-SHA256 rather than the project's signing kit. */
class WebhookSignerTest {
    @Test
    void theHeaderIsTheTimeAndTheHmacOfTimeDotBody() throws Exception {
        String body = "{\"id\":\"evt_1\",\"type\":\"session.closed\",\"created\":1,\"data\":{\"content\":\"už\"}}";

        String header = new WebhookSigner(WebhookActionTest.SECRET).header(1765102530, body);

        assertThat(header).isEqualTo("t=1765102530,v1=" + WebhookActionTest.expectedSignature(
                WebhookActionTest.SECRET, 1765102530, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aKnownVector() {
        // printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef0123456789abcdef'
        assertThat(new WebhookSigner("whsec-0123456789abcdef0123456789abcdef").signature(1700000000, "{}"))
                .isEqualTo(VECTOR);
    }

    private static final String VECTOR = "2c8d6ec847e7aa3904de0e6dec2ee420860036308eb265601f84abb449826bb2";

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new WebhookSigner("")).isInstanceOf(IllegalArgumentException.class);
    }
}
