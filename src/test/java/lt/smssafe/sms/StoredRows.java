package lt.smssafe.sms;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import lt.smssafe.persistence.Database;

/** What the SMS engine stored, read back for its tests: a session as the store reads it, rows by plain SQL. */
final class StoredRows {
    private StoredRows() {
    }

    /** The safe's session with this code. */
    static PaymentSession session(Database database, long safeId, String code) {
        return database.inTransaction(em -> MessageStore.on(em, safeId, store -> store.session(code)))
                .orElseThrow(() -> new AssertionError("no session " + code + " in safe " + safeId));
    }

    /**
     * The safe's sessions that the newest-activity lists (schema v12) do not hold as stored: an unclosed one without
     * its row in the open list at its last message, or with a row in the closed list; a closed one without its row in
     * the closed list at its close, or still in the open list. Zero when the lists are right.
     */
    static long sessionsListedWrong(Database database, long safeId) {
        return count(database, "SELECT COUNT(*) FROM smssafe_session s WHERE s.safe_id = ? AND NOT ("
                + "(s.closed_at IS NULL AND EXISTS (SELECT 1 FROM smssafe_open_session o WHERE o.session_id = s.id"
                + " AND o.safe_id = s.safe_id AND o.test = s.test AND o.last_message_at = s.last_message_at)"
                + " AND NOT EXISTS (SELECT 1"
                + " FROM smssafe_closed_session c WHERE c.session_id = s.id))"
                + " OR (s.closed_at IS NOT NULL AND EXISTS (SELECT 1 FROM smssafe_closed_session c"
                + " WHERE c.session_id = s.id AND c.safe_id = s.safe_id AND c.closed_at = s.closed_at) AND NOT EXISTS"
                + " (SELECT 1 FROM smssafe_open_session o WHERE o.session_id = s.id)))", safeId);
    }

    /** The number the query ({@code SELECT COUNT(*) …}) counts. */
    static long count(Database database, String sql, Object... parameters) {
        return ((Number) rows(database, sql, parameters).get(0)).longValue();
    }

    /** Runs a statement that changes rows, in a transaction of its own. */
    static void execute(Database database, String sql, Object... parameters) {
        database.inTransaction(em -> bound(em, sql, parameters).executeUpdate());
    }

    /** What the query selects: a value per row, or an array of values for several columns. */
    @SuppressWarnings("unchecked")
    static List<Object> rows(Database database, String sql, Object... parameters) {
        return database.inTransaction(em -> (List<Object>) bound(em, sql, parameters).getResultList());
    }

    private static Query bound(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
