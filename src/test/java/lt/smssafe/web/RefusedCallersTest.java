package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import lt.smssafe.testing.LogCapture;
import lt.smssafe.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused caller is said in the log once, and again only when a minute has passed since that address was said. */
class RefusedCallersTest {
    private static final String GATEWAY = "203.0.113.7";
    private static final String OTHER = "198.51.100.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final RefusedCallers refused = new RefusedCallers(clock);
    private final LogCapture log = LogCapture.of(RefusedCallers.class);

    @BeforeEach
    void listen() {
        log.start();
    }

    @AfterEach
    void stopListening() {
        log.stop();
    }

    private List<String> lines() {
        return log.records().stream().map(LogRecord::getMessage).toList();
    }

    @Test
    void theFirstRefusalIsAWarningThatNamesTheAddressAndTheEndpoint() {
        refused.refused("/fortumo", GATEWAY);

        assertThat(log.records()).hasSize(1);
        assertThat(log.records().get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(lines()).containsExactly("sms:safe /fortumo refused a call from " + GATEWAY
                + ": not in notify.allow (said at most once a minute per address)");
    }

    @Test
    void aSecondRefusalWithinTheMinuteIsNotLoggedAndOneAMinuteLaterIs() {
        refused.refused("/fortumo", GATEWAY);
        clock.advance(Duration.ofSeconds(30));
        refused.refused("/fortumo", GATEWAY);
        clock.advance(Duration.ofMillis(29_999));
        refused.refused("/paysera", GATEWAY);

        assertThat(lines()).as("within the minute").hasSize(1);

        clock.advance(Duration.ofMillis(1));
        refused.refused("/fortumo", GATEWAY);

        assertThat(lines()).as("a minute after the first line").hasSize(2);
        assertThat(lines().get(1)).contains(GATEWAY);
    }

    @Test
    void eachAddressHasItsOwnMinute() {
        refused.refused("/fortumo", GATEWAY);
        clock.advance(Duration.ofSeconds(10));
        refused.refused("/fortumo", OTHER);
        refused.refused("/fortumo", OTHER);
        clock.advance(Duration.ofSeconds(50));
        refused.refused("/fortumo", GATEWAY);
        refused.refused("/fortumo", OTHER);

        assertThat(lines()).hasSize(3);
        assertThat(lines().get(0)).contains(GATEWAY);
        assertThat(lines().get(1)).contains(OTHER);
        assertThat(lines().get(2)).as("the first address's minute is over, the other's is not").contains(GATEWAY);
    }
}
