package lt.smssafe.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lt.smssafe.api.SessionState;
import lt.smssafe.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import lt.smssafe.sms.PaymentSession.Outcome;

/** The session state machine of docs/protocol.md §3, every branch, with a clock moved by hand. */
class PaymentSessionTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final BigDecimal PRICE = new BigDecimal("1.45");

    private final MutableClock clock = new MutableClock(START);

    private PaymentSession open(int messages) {
        return new PaymentSession(1234, "smssafe", false, "37060000000", "lt", "bite_lt", new SessionCode("7KQ2M9XA"), messages,
                "order-42", "EUR", clock.instant());
    }

    /** Sends {@code count} messages a minute apart and returns the reply kinds. */
    private List<ReplyKind> send(PaymentSession session, int count, Duration delay) {
        List<ReplyKind> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            kinds.add(session.accept(PRICE, clock.instant(), delay).kind());
            clock.advance(Duration.ofMinutes(1));
        }
        return kinds;
    }

    @ParameterizedTest(name = "N = {0}, no delay: {1}")
    @CsvSource(delimiter = ';', value = {
        "1; CLOSED",
        "2; STARTED CLOSED",
        "3; STARTED NEXT CLOSED",
        "4; STARTED NEXT NEXT CLOSED"})
    void withoutADelayEveryMessageIsCountedUntilTheNthClosesTheSession(int n, String expected) {
        PaymentSession session = open(n);

        List<ReplyKind> kinds = send(session, n, Duration.ZERO);

        assertThat(kinds).map(Enum::name).containsExactly(expected.split(" "));
        assertThat(session.receivedMessages()).isEqualTo(n);
        assertThat(session.total()).isEqualByComparingTo(PRICE.multiply(BigDecimal.valueOf(n)));
        assertThat(session.closedAt()).contains(START.plus(Duration.ofMinutes(n - 1)));
        assertThat(session.waitUntil()).isEmpty();
    }

    @ParameterizedTest(name = "N = {0}, 24 h delay: {1}")
    @CsvSource(delimiter = ';', value = {
        "1; CLOSED",
        "2; LAST",
        "3; STARTED LAST",
        "4; STARTED NEXT LAST"})
    void withADelayTheLastButOneMakesTheSessionWait(int n, String expected) {
        PaymentSession session = open(n);

        List<ReplyKind> kinds = send(session, n - 1 == 0 ? 1 : n - 1, DAY);

        assertThat(kinds).map(Enum::name).containsExactly(expected.split(" "));
        if (n > 1) {
            Instant lastButOne = START.plus(Duration.ofMinutes(n - 2));
            assertThat(session.waitUntil()).contains(lastButOne.plus(DAY));
            assertThat(session.stateAt(clock.instant())).isEqualTo(SessionState.WAITING);
            assertThat(session.closedAt()).isEmpty();
        }
    }

    @Test
    void theLastButOneRepliesWithTheWholeDelayLeft() {
        PaymentSession session = open(3);
        session.accept(PRICE, clock.instant(), DAY);

        Outcome last = session.accept(PRICE, clock.instant(), DAY);

        assertThat(last).isEqualTo(new Outcome(ReplyKind.LAST, DAY));
    }

    @Test
    void aMessageWhileWaitingIsRejectedWithTheTimeLeftAndNotCounted() {
        PaymentSession session = open(4);
        send(session, 3, DAY);
        // the third message arrived at START + 2 min, so the wait ends at START + 2 min + 24 h
        clock.advance(Duration.ofHours(5));

        Outcome rejected = session.accept(PRICE, clock.instant(), DAY);

        assertThat(rejected.kind()).isEqualTo(ReplyKind.WAIT);
        assertThat(rejected.left()).isEqualTo(DAY.minusHours(5).minusMinutes(1));
        assertThat(session.receivedMessages()).isEqualTo(3);
        assertThat(session.total()).isEqualByComparingTo("4.35");
        assertThat(session.lastMessageAt()).as("a rejected message is activity too").isEqualTo(clock.instant());
    }

    @Test
    void oneMillisecondBeforeTheWaitEndIsStillRejectedAndAtTheWaitEndTheLastMessageCloses() {
        PaymentSession session = open(2);
        session.accept(PRICE, START, DAY);
        Instant waitEnd = START.plus(DAY);

        assertThat(session.accept(PRICE, waitEnd.minusMillis(1), DAY)).isEqualTo(
                new Outcome(ReplyKind.WAIT, Duration.ofMillis(1)));
        assertThat(session.stateAt(waitEnd)).isEqualTo(SessionState.OPEN);
        assertThat(session.accept(PRICE, waitEnd, DAY).kind()).isEqualTo(ReplyKind.CLOSED);
        assertThat(session.closedAt()).contains(waitEnd);
        assertThat(session.stateAt(waitEnd)).isEqualTo(SessionState.CLOSED);
    }

    @ParameterizedTest(name = "N = {0} with a delay closes after the wait")
    @CsvSource({"2", "3", "4"})
    void withADelayTheNthMessageAfterTheWaitClosesTheSession(int n) {
        PaymentSession session = open(n);
        send(session, n - 1, DAY);
        clock.advance(DAY);

        Outcome last = session.accept(PRICE, clock.instant(), DAY);

        assertThat(last.kind()).isEqualTo(ReplyKind.CLOSED);
        assertThat(session.receivedMessages()).isEqualTo(n);
        assertThat(session.waitLeftAt(clock.instant())).isZero();
    }

    @Test
    void aClosedSessionTakesNoMoreMessages() {
        PaymentSession session = open(1);
        session.accept(PRICE, START, Duration.ZERO);

        assertThatThrownBy(() -> session.accept(PRICE, START, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessage("session 7KQ2M9XA is closed");
    }

    @Test
    void aNewSessionIsOpenWithNothingCounted() {
        PaymentSession session = open(3);

        assertThat(session.stateAt(START)).isEqualTo(SessionState.OPEN);
        assertThat(session.receivedMessages()).isZero();
        assertThat(session.total()).isEqualByComparingTo("0");
        assertThat(session.openedAt()).isEqualTo(START);
        assertThat(session.content()).isEqualTo("order-42");
    }

    @Test
    void aSessionNeedsAtLeastOneMessage() {
        assertThatThrownBy(() -> open(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session needs at least one message, not 0");
    }
}
