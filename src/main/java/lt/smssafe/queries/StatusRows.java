package lt.smssafe.queries;

import java.time.Instant;
import java.util.Optional;
import lt.smssafe.sms.PaymentSession;
import lt.smssafe.sms.SessionRedemption;

/**
 * The one way the read side loads a session's status: the session with its redemption, if its code was spent, in
 * one query. A left join on the redemption's unique key on the session: one index look-up per session, so a list
 * or a CSV keeps the shape it had before redemptions existed.
 */
final class StatusRows {
    /** Rows of {@code [PaymentSession s, SessionRedemption r or null]}; callers add {@code where ...}. */
    static final String SELECT = "select s, r from PaymentSession s left join SessionRedemption r"
            + " on r.sessionId = s.id";

    private StatusRows() {
    }

    /** The session's status at {@code now} from one row of {@link #SELECT}. */
    static SessionStatus status(Object[] row, Instant now) {
        return SessionStatus.of(session(row), Optional.ofNullable((SessionRedemption) row[1]), now);
    }

    static PaymentSession session(Object[] row) {
        return (PaymentSession) row[0];
    }
}
