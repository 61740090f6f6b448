package lt.smssafe.queries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.sms.ReceivedMessage;

/**
 * One payment as its detail page shows it: its status, every message it got (counted or rejected) with the reply,
 * and every run of its payment action (the close, and any reversal).
 */
public record PaymentDetail(SessionStatus session, List<Message> messages, List<ActionRun> actionRuns) {
    /**
     * One message of the payment.
     *
     * @param outcome what it did: {@code STARTED}, {@code NEXT}, {@code LAST}, {@code CLOSED} or {@code WAIT}
     */
    public record Message(String messageId, Instant receivedAt, BigDecimal cost, String currency, String outcome,
            String reply, Optional<Instant> reversedAt) {
        static Message of(ReceivedMessage m) {
            return new Message(m.messageId(), m.receivedAt(), m.cost(), m.currency(), m.outcome().name(), m.reply(),
                    m.reversedAt());
        }

        /** Whether it added to the session (a rejected one did not). */
        public boolean counted() {
            return !outcome.equals("WAIT") && !outcome.equals("UNIDENTIFIED");
        }
    }
}
