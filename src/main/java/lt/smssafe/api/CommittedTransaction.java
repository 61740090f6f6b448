package lt.smssafe.api;

import java.time.Instant;
import lt.smssafe.mbs.TransactionReference;

/**
 * A committed MBS direct-billing transaction as the payment action receives it, as the platform itself reported it
 * (never the report's own claims).
 *
 * @param ident the site's own identifier given when billing (an order, an account)
 * @param priceCents the price in cents
 */
public record CommittedTransaction(long serviceId, long transactionId, String ident, String accountId,
        String accountMsisdn, String operator, long priceCents, String currency, Instant reportedAt) {

    /** {@code <service id>:<transaction id>}, unique: the idempotency key. */
    public String reference() {
        return new TransactionReference(serviceId, transactionId).toString();
    }
}
