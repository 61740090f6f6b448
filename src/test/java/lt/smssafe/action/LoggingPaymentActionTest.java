package lt.smssafe.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.logging.LogRecord;
import lt.smssafe.api.ClosedSession;
import lt.smssafe.api.CommittedTransaction;
import lt.smssafe.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default action's log line: what the buyer typed cannot forge another line. */
class LoggingPaymentActionTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final LogCapture log = LogCapture.of(LoggingPaymentAction.class).start();

    @AfterEach
    void stopListening() {
        log.stop();
    }

    @Test
    void aPaidSessionsContentWithALineBreakStaysOnOneEscapedLine() {
        new LoggingPaymentAction().sessionClosed(new ClosedSession("ABCDEFGH", 1234, "37060000000", "lt", "bite_lt",
                "order-1\r\nINFO sms:safe session ZZZZZZZZ paid", 3, new BigDecimal("4.35"), "EUR", NOW, NOW,
                "smssafe", false));

        assertThat(log.records()).singleElement().extracting(LogRecord::getMessage).isEqualTo("sms:safe session"
                + " ABCDEFGH paid: 4.35 EUR in 3 messages for 'order-1\\r\\nINFO sms:safe session ZZZZZZZZ paid'"
                + " (no action configured)");
    }

    @Test
    void anMbsIdentWithALineBreakStaysOnOneEscapedLine() {
        new LoggingPaymentAction().transactionCommitted(new CommittedTransaction(41, 2456, "acc\nforged", "a-1",
                "37060000000", "bite_lt", 145, "EUR", NOW));

        assertThat(log.records()).singleElement().extracting(LogRecord::getMessage).isEqualTo("sms:safe MBS"
                + " transaction 41:2456 paid: 145 cents EUR for 'acc\\nforged' (no action configured)");
    }
}
