package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pauses between attempts, and the attempt after which a webhook run is given up. */
class RetryScheduleTest {
    @Test
    void pausesDoubleFromOneSecondToAnHour() {
        assertThat(RetrySchedule.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetrySchedule.pauseAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetrySchedule.pauseAfter(12)).isEqualTo(Duration.ofSeconds(2048));
        assertThat(RetrySchedule.pauseAfter(13)).isEqualTo(Duration.ofHours(1));
        assertThat(RetrySchedule.pauseAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAttemptsSpanningADurationAreTheFirstWhosePausesBeforeAddUpToIt() {
        assertThat(RetrySchedule.attemptsSpanning(Duration.ZERO)).isEqualTo(1);
        assertThat(RetrySchedule.attemptsSpanning(Duration.ofSeconds(1))).isEqualTo(2);
        assertThat(RetrySchedule.attemptsSpanning(Duration.ofSeconds(3))).isEqualTo(3);
        assertThat(RetrySchedule.attemptsSpanning(Duration.ofSeconds(4))).isEqualTo(4);
        int threeDays = RetrySchedule.attemptsSpanning(Duration.ofDays(3));
        assertThat(threeDays).isEqualTo(84).isEqualTo(ActionRun.GIVE_UP_ATTEMPTS);
        assertThat(pausesBefore(threeDays)).isGreaterThanOrEqualTo(Duration.ofDays(3));
        assertThat(pausesBefore(threeDays - 1)).isLessThan(Duration.ofDays(3));
    }

    private static Duration pausesBefore(int attempt) {
        Duration sum = Duration.ZERO;
        for (int failed = 1; failed < attempt; failed++) {
            sum = sum.plus(RetrySchedule.pauseAfter(failed));
        }
        return sum;
    }
}
