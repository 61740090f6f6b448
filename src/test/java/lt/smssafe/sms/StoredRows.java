package lt.smssafe.sms;

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

    /** The number the query ({@code SELECT COUNT(*) …}) counts. */
    static long count(Database database, String sql, Object... parameters) {
        return ((Number) rows(database, sql, parameters).get(0)).longValue();
    }

    /** What the query selects: a value per row, or an array of values for several columns. */
    @SuppressWarnings("unchecked")
    static List<Object> rows(Database database, String sql, Object... parameters) {
        return database.inTransaction(em -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return (List<Object>) query.getResultList();
        });
    }
}
