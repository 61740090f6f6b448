package lt.smssafe.sms;

/** Which of the replies of docs/protocol.md §3 and §8 a message gets; also what happened to the message. */
public enum ReplyKind {
    /** Counted as the first message of a new session. */
    STARTED,
    /** Counted; more messages are needed. */
    NEXT,
    /** Counted as the last but one; the session now waits before the last may be sent. */
    LAST,
    /** Counted as the last: the session is closed and paid. */
    CLOSED,
    /** Rejected: it arrived while the session was waiting; not counted. */
    WAIT,
    /** Not counted: the gateway could not tell who sent it and one message cannot pay (docs/protocol.md §8). */
    UNIDENTIFIED
}
