package lt.smssafe.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@code rates.url} becomes a source: substitution, the schemes allowed, and what may be shown of it. */
class RatesSourceTest {
    @Test
    void safeAndLanguageAreSubstitutedUrlEncoded() {
        RatesSource source = RatesSource.of("https://rates.example/{safe}/{language}.xml?safe={safe}", 1234,
                "l t/&");

        assertThat(source.uri()).isEqualTo(URI.create("https://rates.example/1234/l%20t%2F%26.xml?safe=1234"));
        assertThat(source.isHttp()).isTrue();
    }

    @Test
    void redactedFormHidesUserInfoAndQuery() {
        assertThat(RatesSource.of("https://user:pw@rates.example:8443/r/{safe}?token=s3cret", 7, "en").redacted())
                .isEqualTo("https://rates.example:8443/r/7?...");
        assertThat(RatesSource.of("HTTP://rates.example", 7, "en").redacted()).isEqualTo("http://rates.example/");
    }

    @Test
    void printingTheSourceShowsNoToken() {
        RatesSource source = RatesSource.of("https://user:pw@rates.example/r/{safe}?token=s3cret", 7, "en");

        assertThat(String.valueOf(source)).isEqualTo("https://rates.example/r/7?...").doesNotContain("s3cret", "pw");
    }

    @Test
    void fileUrlIsAPath() {
        RatesSource source = RatesSource.of("file:/var/lib/smssafe/feed-{safe}.xml", 7, "en");

        assertThat(source.isHttp()).isFalse();
        assertThat(source.redacted()).isEqualTo(Path.of("/var/lib/smssafe/feed-7.xml").toString());
    }

    @Test
    void otherUrlsAreRefused() {
        assertThatThrownBy(() -> RatesSource.of("ftp://rates.example/x", 7, "en"))
                .hasMessage("rates.url must start with http:, https: or file:");
        assertThatThrownBy(() -> RatesSource.of("rates.xml", 7, "en"))
                .hasMessage("rates.url must start with http:, https: or file:");
        assertThatThrownBy(() -> RatesSource.of("file:rates.xml", 7, "en"))
                .hasMessage("rates.url is not a usable file URL (file:/absolute/path): URI is not hierarchical");
        assertThatThrownBy(() -> RatesSource.of("https:///x", 7, "en")).hasMessage("rates.url has no host");
        assertThatThrownBy(() -> RatesSource.of("https://rates.example/a b?token=s3cret", 7, "en"))
                .hasMessage("rates.url is not a valid URL: Illegal character in path at index 23")
                .message().doesNotContain("s3cret");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(RatesSource.format(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(RatesSource.format(Duration.ofMillis(500))).isEqualTo("500 ms");
    }
}
