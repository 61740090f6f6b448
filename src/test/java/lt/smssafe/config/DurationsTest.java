package lt.smssafe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void isoForms() {
        assertThat(Durations.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void plainSeconds() {
        assertThat(Durations.parse("86400")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("0")).isZero();
    }

    @Test
    void neitherForm() {
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be an ISO-8601 duration (PT24H) or a number of seconds, not 'soon'");
        assertThatThrownBy(() -> Durations.parse("1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be an ISO-8601 duration (PT24H) or a number of seconds, not '1.5'");
    }

    @Test
    void negative() {
        assertThatThrownBy(() -> Durations.parse("-PT1H")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not be negative, not '-PT1H'");
        assertThatThrownBy(() -> Durations.parse("-5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not be negative, not '-5'");
    }
}
