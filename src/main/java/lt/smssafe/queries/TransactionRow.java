package lt.smssafe.queries;

import java.time.Instant;
import lt.smssafe.mbs.recording.BilledTransaction;

/** An MBS transaction as the payments page lists it, as the platform last described it. */
public record TransactionRow(String reference, String ident, String operator, String accountId, long priceCents,
        String currency, String status, Instant lastReportedAt) {
    static TransactionRow of(BilledTransaction t) {
        return new TransactionRow(t.reference().toString(), t.ident(), t.operator(), t.accountId(), t.priceCents(),
                t.currency(), t.status(), t.lastReportedAt());
    }

    /** The price in the currency's units, two decimals, e.g. {@code 2.50}. */
    public String price() {
        return java.math.BigDecimal.valueOf(priceCents, 2).toPlainString();
    }
}
