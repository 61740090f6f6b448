package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /cron}'s refresh period in people's words, never ISO-8601 such as {@code PT1H}. */
class PageTimesTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "PT1H, every hour",
        "PT30M, every 30 minutes",
        "PT2H, every 2 hours",
        "PT1H30M, every 1 hour 30 minutes",
        "PT1M, every minute",
        "PT45S, every 45 seconds",
        "PT1M1S, every 1 minute 1 second",
        "PT24H, every day",
        "PT48H, every 2 days",
        "PT25H, every 25 hours"})
    void saysHowOftenInWords(Duration period, String expected) {
        assertThat(PageTimes.every(period)).isEqualTo(expected);
    }
}
