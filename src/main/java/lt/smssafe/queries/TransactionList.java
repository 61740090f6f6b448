package lt.smssafe.queries;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lt.smssafe.mbs.TransactionReference;

/** The MBS part of {@code /payments}: the transactions the platform reported, the latest first. Read-only. */
public final class TransactionList {
    private final ReadScope scope;

    TransactionList(ReadScope scope) {
        this.scope = scope;
    }

    /** The MBS transactions newest report first, in the index {@code ix_mbs_reported}; the days optional. */
    static SessionLists.Statement transactionsStatement(long safeId, Optional<Long> from, Optional<Long> to) {
        List<String> conditions = new ArrayList<>(List.of("t.safe_id = ?"));
        List<Object> parameters = new ArrayList<>(List.of(safeId));
        SessionLists.within("t.last_reported_at", from, to, conditions, parameters);
        // safe_id first: H2 reads an index in its order only when the ORDER BY names its columns from the first
        return new SessionLists.Statement("SELECT t.service_id, t.transaction_id, t.ident, t.operator,"
                + " t.account_id, t.price_cents, t.currency, t.status, t.last_reported_at"
                + " FROM smssafe_mbs_transaction t WHERE " + String.join(" AND ", conditions)
                + " ORDER BY t.safe_id DESC, t.last_reported_at DESC LIMIT " + Page.SIZE, parameters);
    }

    /** The MBS transactions reported within the filter's days, the latest first (at most a page of them). */
    public List<TransactionRow> latest(PaymentFilter filter) {
        SessionLists.Statement statement = transactionsStatement(scope.safeId(),
                filter.since(scope.zone()).map(Instant::toEpochMilli),
                filter.before(scope.zone()).map(Instant::toEpochMilli));
        return scope.database().inJdbcTransaction(connection -> {
            List<TransactionRow> rows = new ArrayList<>();
            try (PreparedStatement select = SessionLists.prepare(connection, statement);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new TransactionRow(new TransactionReference(row.getLong(1), row.getLong(2)).toString(),
                            row.getString(3), row.getString(4), row.getString(5), row.getLong(6), row.getString(7),
                            row.getString(8), Instant.ofEpochMilli(row.getLong(9))));
                }
            }
            return rows;
        });
    }
}
