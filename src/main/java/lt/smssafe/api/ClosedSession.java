package lt.smssafe.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paid session as the payment action receives it.
 *
 * @param code the session code the end user types on the site; unique per safe, so also the idempotency key
 * @param operator the sender's mobile operator as a code, e.g. {@code bite_lt} (the notification's {@code provider})
 * @param content the text of the first message: what is being paid for (an account, an order)
 * @param messages how many messages were counted
 * @param total the sum of their end-user prices
 * @param dialect the gateway it was paid through: {@code smssafe}, {@code fortumo}, {@code paysera}
 * @param test whether it was paid with the gateway's test messages (no money moved): never unlock anything real
 */
public record ClosedSession(String code, long safe, String msisdn, String country, String operator, String content,
        int messages, BigDecimal total, String currency, Instant openedAt, Instant closedAt, String dialect,
        boolean test) {
}
