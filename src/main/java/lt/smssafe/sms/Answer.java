package lt.smssafe.sms;

import java.util.Optional;

/**
 * What {@code /result} answers for a stored message: the status and the body (the reply SMS), and the session
 * this message closed, if it closed one now, so the payment action can be woken.
 */
public record Answer(int status, String body, Optional<SessionCode> closedSession) {
    /** The 409 for a message id seen before with different values (docs/protocol.md §2). */
    static Answer reused() {
        return new Answer(409, "message_id reused", Optional.empty());
    }

    /** A 200 with this reply. */
    static Answer reply(String text) {
        return new Answer(200, text, Optional.empty());
    }

    /** A 200 with this reply for a message that closed the session. */
    static Answer closed(String text, SessionCode code) {
        return new Answer(200, text, Optional.of(code));
    }
}
