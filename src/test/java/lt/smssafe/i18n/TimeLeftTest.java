package lt.smssafe.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code {left}}: whole minutes rounded up, singular for 1, the right plural forms in lt and ru. */
class TimeLeftTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "PT24H, 24 hours 0 minutes",
        "PT23H59M, 23 hours 59 minutes",
        "PT23H58M0.001S, 23 hours 59 minutes",
        "PT1H1M, 1 hour 1 minute",
        "PT1H0M1S, 1 hour 1 minute",
        "PT5M, 0 hours 5 minutes",
        "PT4M59S, 0 hours 5 minutes",
        "PT0.001S, 0 hours 1 minute",
        "PT30S, 0 hours 1 minute",
        "PT0S, 0 hours 0 minutes",
        "PT2H2M, 2 hours 2 minutes",
        "PT100H, 100 hours 0 minutes"})
    void englishRoundsUpToWholeMinutesWithSingularForOne(Duration left, String expected) {
        assertThat(TimeLeft.format(left, Language.EN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "PT1H1M, 1 valanda 1 minute",
        "PT2H2M, 2 valandos 2 minutes",
        "PT10H10M, 10 valandu 10 minuciu",
        "PT11H11M, 11 valandu 11 minuciu",
        "PT21H21M, 21 valanda 21 minute",
        "PT23H59M, 23 valandos 59 minutes",
        "PT24H, 24 valandos 0 minuciu",
        "PT12H20M, 12 valandu 20 minuciu"})
    void lithuanianUsesItsThreePluralForms(Duration left, String expected) {
        assertThat(TimeLeft.format(left, Language.LT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "PT1H1M, 1 час 1 минута",
        "PT2H2M, 2 часа 2 минуты",
        "PT5H5M, 5 часов 5 минут",
        "PT11H11M, 11 часов 11 минут",
        "PT12H14M, 12 часов 14 минут",
        "PT21H21M, 21 час 21 минута",
        "PT23H59M, 23 часа 59 минут",
        "PT24H, 24 часа 0 минут"})
    void russianUsesItsThreePluralForms(Duration left, String expected) {
        assertThat(TimeLeft.format(left, Language.RU)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "EN, PT7S, 7 seconds",
        "EN, PT1S, 1 second",
        "EN, PT0.2S, 1 second",
        "EN, PT59.5S, 60 seconds",
        "EN, PT0S, 0 seconds",
        "EN, PT-3S, 0 seconds",
        "EN, PT1M, 0 hours 1 minute",
        "EN, PT1M7S, 0 hours 2 minutes",
        "LT, PT7S, 7 sekundės",
        "LT, PT21S, 21 sekundė",
        "LT, PT15S, 15 sekundžių",
        "LT, PT5M, 0 valandų 5 minutės",
        "RU, PT7S, 7 секунд",
        "RU, PT22S, 22 секунды",
        "RU, PT41S, 41 секунда"})
    void pagesSaySecondsBelowAMinute(Language language, Duration left, String expected) {
        assertThat(TimeLeft.formatForPage(left, language)).isEqualTo(expected);
    }
}
