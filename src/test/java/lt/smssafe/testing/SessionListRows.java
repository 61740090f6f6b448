package lt.smssafe.testing;

import java.util.List;

/**
 * For a history written straight into {@code smssafe_session} by a test or the benchmark: the rows the message store
 * writes beside each session for the newest-activity lists (schema v12), as migration 12 derives them from the
 * sessions already stored.
 */
public final class SessionListRows {
    private SessionListRows() {
    }

    /** The statements that list every session of {@code smssafe_session} as open or closed. */
    public static List<String> fromSessions() {
        return fromSessions("TRUE");
    }

    /** The statements that list the sessions that meet {@code condition} (on the session's columns). */
    public static List<String> fromSessions(String condition) {
        return List.of(
                "INSERT INTO smssafe_open_session (session_id, safe_id, test, last_message_at)"
                        + " SELECT id, safe_id, test, last_message_at FROM smssafe_session WHERE closed_at IS NULL AND "
                        + condition,
                "INSERT INTO smssafe_closed_session (session_id, safe_id, closed_at)"
                        + " SELECT id, safe_id, closed_at FROM smssafe_session WHERE closed_at IS NOT NULL AND "
                        + condition);
    }
}
