package lt.smssafe.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A counted message the gateway reported as not billed after all, as the payment action's
 * {@code paymentReversed} receives it.
 *
 * @param cost what it had added to the session's total, and no longer does
 */
public record ReversedMessage(String dialect, String messageId, BigDecimal cost, String currency,
        Instant receivedAt, Instant reversedAt) {
}
