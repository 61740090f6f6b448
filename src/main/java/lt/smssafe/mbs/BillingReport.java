package lt.smssafe.mbs;

import java.util.Objects;

/**
 * A verified billing report and its transaction as the platform answered {@code getTransaction} just after: what
 * {@link MbsDirect#readBillingReport} gives, the PHP {@code getBillInformation()}. Decide on money with
 * {@link #transaction()} only; the report's own status may already be out of date (a {@code reserve} report arriving
 * after the commit).
 */
public record BillingReport(VerifiedReport report, Transaction transaction) {
    public BillingReport {
        Objects.requireNonNull(report, "report is required");
        Objects.requireNonNull(transaction, "transaction is required");
    }
}
