package lt.smssafe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Where the webhook may POST: https, or http to a loopback address written out; and its secret's length. */
class WebhookConfigTest {
    private static final String SECRET = WebhookActionTest.SECRET;

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/hooks/smssafe", "HTTPS://shop.example:8443/h?k=1",
            "http://127.0.0.1:8080/hook", "http://127.1.2.3/hook", "http://localhost/hook", "http://LOCALHOST:9/",
            "http://[::1]:8080/hook"})
    void acceptedUrls(String url) {
        assertThat(new WebhookConfig(URI.create(url), SECRET).url()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/hook", "http://10.0.0.1/hook", "http://128.0.0.1/hook",
            "http://localhost.shop.example/hook", "http://127.0.0.1.nip.io/hook", "http://[::2]/hook",
            "ftp://shop.example/hook", "file:/tmp/hook", "mailto:shop@example.com", "/hook", "https:///hook",
            "https://user:pass@shop.example/hook"})
    void refusedUrls(String url) {
        assertThatThrownBy(() -> WebhookConfig.checkUrl(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretHasAtLeast32CharactersAndIsNeverShown() {
        assertThatThrownBy(() -> new WebhookConfig(URI.create("https://shop.example/"), "s".repeat(31)))
                .hasMessage("must be at least 32 characters");
        WebhookConfig config = new WebhookConfig(URI.create("https://shop.example/h?token=abc"), "s".repeat(32));

        assertThat(config.toString()).doesNotContain("ssss").doesNotContain("abc")
                .isEqualTo("https://shop.example/h?… (secret hidden)");
    }
}
