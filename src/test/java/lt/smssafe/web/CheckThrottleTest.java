package lt.smssafe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import lt.smssafe.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The {@code /check} throttle (docs/protocol.md §6): more than {@code check.limit} unknown codes within a minute refuse
 * every lookup of that address until its minute has passed; an IPv6 caller counts by its /64; a flood of addresses
 * neither grows the memory nor resets a guesser's count.
 */
class CheckThrottleTest {
    private static final int LIMIT = 10;
    private static final byte[] KEY = "a fixed key, so that the test is repeatable".getBytes(StandardCharsets.UTF_8);
    private static final String GUESSER = "203.0.113.7";
    private static final String OTHER = "198.51.100.1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final CheckThrottle throttle = new CheckThrottle(LIMIT, clock, CheckThrottle.SLOTS, KEY);

    private void unknownCodes(String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.unknownCode(address)).as("unknown code %d of %s", i + 1, address).isEmpty();
        }
    }

    @Test
    void theLookupThatTakesTheCountOverTheLimitIsRefusedAndEveryLookupAfterIt() {
        unknownCodes(GUESSER, LIMIT);

        assertThat(throttle.refusal(GUESSER)).as("after exactly the limit: still served").isEmpty();
        assertThat(throttle.unknownCode(GUESSER)).as("one more than the limit").hasValue(60);
        assertThat(throttle.refusal(GUESSER)).as("any further lookup, of a known code too").hasValue(60);
        assertThat(throttle.refusal(OTHER)).as("another address").isEmpty();
    }

    @Test
    void theRefusalEndsWhenTheMinuteThatBeganWithTheFirstUnknownCodeHasPassed() {
        throttle.unknownCode(GUESSER);
        clock.advance(Duration.ofSeconds(30));
        unknownCodes(GUESSER, LIMIT - 1);
        assertThat(throttle.unknownCode(GUESSER)).as("11th within the minute: 30 s of it left").hasValue(30);

        clock.advance(Duration.ofMillis(29_999));
        assertThat(throttle.refusal(GUESSER)).as("1 ms before the minute ends, rounded up").hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.refusal(GUESSER)).as("the minute has passed").isEmpty();
        unknownCodes(GUESSER, LIMIT);
        assertThat(throttle.unknownCode(GUESSER)).as("a new minute counts from its own first code").hasValue(60);
    }

    @Test
    void unknownCodesSpreadOverMoreThanAMinuteAreNeverRefused() {
        for (int i = 0; i < 5 * LIMIT; i++) {
            assertThat(throttle.unknownCode(GUESSER)).isEmpty();
            clock.advance(Duration.ofSeconds(7)); // about 8.6 a minute
        }
    }

    @Test
    void anIpv6CallerCountsByItsSlash64WhateverAddressInItItUses() {
        for (int i = 1; i <= LIMIT; i++) {
            assertThat(throttle.unknownCode("2001:db8:1:2::" + Integer.toHexString(i))).isEmpty();
        }

        assertThat(throttle.unknownCode("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("the same /64").isPresent();
        assertThat(throttle.refusal("2001:0db8:0001:0002:0000:0000:0000:0abc")).as("written out in full").isPresent();
        assertThat(throttle.refusal("[2001:db8:1:2::1]")).as("in brackets").isPresent();
        assertThat(throttle.refusal("2001:db8:1:3::1")).as("the next /64").isEmpty();
    }

    @Test
    void anIpv4MappedIpv6AddressIsThatIpv4Address() {
        unknownCodes("::ffff:192.0.2.1", LIMIT);
        assertThat(throttle.unknownCode("192.0.2.1")).isPresent();
        assertThat(throttle.refusal("192.0.2.2")).as("IPv4 counts each address").isEmpty();
    }

    @Test
    void aFloodOfAMillionAddressesInOneMinuteGrowsNoMemoryAndResetsNoGuessersCount() {
        unknownCodes(GUESSER, LIMIT);
        OptionalLong refused = throttle.unknownCode(GUESSER);
        assertThat(refused).isPresent();
        long heapBefore = usedHeapAfterGc();

        for (int i = 0; i < 1_000_000; i++) {
            throttle.unknownCode(address(i));
        }
        long heapAfter = usedHeapAfterGc();

        // a map holding a million addresses would take 50 MB and more
        assertThat(heapAfter - heapBefore).as("heap kept after the flood, bytes").isLessThan(8L << 20);
        assertThat(throttle.refusal(GUESSER)).as("the guesser's count survives the flood").isPresent();
    }

    @Test
    void tenThousandAddressesAMinuteLeaveAnHonestCallerAlone() {
        for (int i = 0; i < 20_000; i++) {
            throttle.unknownCode(address(i));
            clock.advance(Duration.ofMillis(6)); // 10,000 a minute, each one code
        }
        unknownCodes(OTHER, LIMIT); // asserts that none of them is refused
        assertThat(throttle.refusal(OTHER)).isEmpty();
    }

    /** The i-th address of a flood, across IPv4 and IPv6 networks. */
    private static String address(int i) {
        return i % 2 == 0 ? "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff)
                : "2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff) + "::1";
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
