package lt.smssafe.mbs;

import java.time.Instant;

/**
 * What a genuine, current billing report says: "transaction X of your service changed, look again". It is a hint,
 * never proof of payment; {@link BillingReportReader} loads the transaction itself.
 *
 * @param state the state the report gave, e.g. {@code ok}
 * @param time when the platform signed the report
 */
public record VerifiedReport(long transactionId, long serviceId, TransactionStatus status, String state,
        Instant time) {
}
