package lt.smssafe.queries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lt.smssafe.action.ActionRun;
import lt.smssafe.api.SessionStatus;
import lt.smssafe.sms.ReceivedMessage;
import lt.smssafe.sms.ReplyKind;

/**
 * One payment as its detail page shows it: its status, every message it got (counted or rejected) with the reply,
 * and every run of its payment action (the close, and any reversal).
 */
public record PaymentDetail(SessionStatus session, List<Message> messages, List<ActionRun> actionRuns) {
    /**
     * What a message did, in words for the admin ({@code /payment}), never an enum name: which of the N messages it
     * was and what followed, e.g. {@code counted, 1 of 2: session opened; waiting before the last message} for the
     * first message of a two-message session with a delay (whose reply said "DO NOT send the last message"), or
     * {@code not counted: sent during the wait}.
     */
    public String whatHappened(Message message) {
        int position = 0;
        for (Message m : messages) {
            if (m.counted()) {
                position++;
            }
            if (m == message) {
                break;
            }
        }
        String of = "counted, " + position + " of " + session.required();
        return switch (message.outcome()) {
            case STARTED -> of + ": session opened";
            case NEXT -> of;
            case LAST -> of + (position == 1 ? ": session opened; " : ": ") + "waiting before the last message";
            case CLOSED -> of + ": paid, session closed";
            case WAIT -> "not counted: sent during the wait before the last message";
            case UNIDENTIFIED -> "not counted: the gateway did not say who sent it";
        };
    }

    /**
     * One message of the payment.
     *
     * @param outcome what it did, the reply it got
     */
    public record Message(String messageId, Instant receivedAt, BigDecimal cost, String currency, ReplyKind outcome,
            String reply, Optional<Instant> reversedAt) {
        static Message of(ReceivedMessage m) {
            return new Message(m.messageId(), m.receivedAt(), m.cost(), m.currency(), m.outcome(), m.reply(),
                    m.reversedAt());
        }

        /** Whether it added to the session (a rejected one did not). */
        public boolean counted() {
            return outcome.counted();
        }
    }
}
