package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client's configuration: what it refuses, and that it never shows the secret key. */
class MbsConfigTest {
    private static final URI ENDPOINT = URI.create("https://mbs.example.lt/direct");

    @Test
    void theSecretKeyIsNeverShown() {
        MbsConfig config = MbsConfig.of(ENDPOINT, 1, "s3cr3t-key", "https://site.lt/report?t=%t");

        assertThat(config.toString()).doesNotContain("s3cr3t-key").contains("secretKey=(hidden)", "serviceId=1");
        assertThat(new MbsDirect(config).toString()).doesNotContain("s3cr3t-key");
    }

    @Test
    void missingTimeoutsAreTheDefaults() {
        MbsConfig config = MbsConfig.of(ENDPOINT, 1, "key", null);

        assertThat(config.connectTimeout()).isEqualTo(MbsConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.readTimeout()).isEqualTo(MbsConfig.DEFAULT_READ_TIMEOUT);
    }

    @Test
    void theClientStartsWithTheConfiguredReportUrl() {
        assertThat(new MbsDirect(MbsConfig.of(ENDPOINT, 1, "key", "https://site.lt/r?t=%t")).reportUrl())
                .contains("https://site.lt/r?t=%t");
        assertThat(new MbsDirect(MbsConfig.of(ENDPOINT, 1, "key", null)).reportUrl()).isEmpty();
    }

    @Test
    void invalidValuesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> MbsConfig.of(URI.create("ftp://mbs.example.lt/"), 1, "key", null))
                .hasMessage("MBS endpoint must be an absolute https (or http) URL, not 'ftp://mbs.example.lt/'");
        assertThatThrownBy(() -> MbsConfig.of(URI.create("https://1:key@mbs.example.lt/"), 1, "key", null))
                .hasMessageStartingWith("MBS endpoint must not carry credentials");
        assertThatThrownBy(() -> MbsConfig.of(ENDPOINT, 0, "key", null))
                .hasMessage("MBS service id must be positive, not 0");
        assertThatThrownBy(() -> MbsConfig.of(ENDPOINT, 1, " ", null)).hasMessage("MBS secret key is required");
        assertThatThrownBy(() -> MbsConfig.of(ENDPOINT, 1, "key", "https://site.lt/?q=%q"))
                .hasMessage("unknown placeholder '%q' in the report URL template");
        assertThatThrownBy(() -> new MbsConfig(ENDPOINT, 1, "key", null, Duration.ZERO, null))
                .hasMessage("MBS connect timeout must be between 1 ms and 2147483647 ms, not PT0S");
    }
}
