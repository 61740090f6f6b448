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
    UNIDENTIFIED;

    /**
     * Whether a message that got this reply added to its session's count and total: the one rule for "counted". A
     * message rejected during the wait was not, nor one kept without a session (the only messages without one).
     */
    public boolean counted() {
        return this != WAIT && this != UNIDENTIFIED;
    }
}
