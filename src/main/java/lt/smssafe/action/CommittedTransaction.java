package lt.smssafe.action;

import java.time.Instant;

/**
 * A committed MBS direct-billing transaction as the payment action receives it, as the platform itself reported it
 * (never the report's own claims).
 *
 * @param reference {@code <service id>:<transaction id>}, unique: the idempotency key
 * @param ident the site's own identifier given when billing (an order, an account)
 * @param priceCents the price in cents
 */
public record CommittedTransaction(String reference, long serviceId, long transactionId, String ident,
        String accountId, String accountMsisdn, String operator, long priceCents, String currency,
        Instant reportedAt) {
}
