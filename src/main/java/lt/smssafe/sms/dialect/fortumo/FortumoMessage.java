package lt.smssafe.sms.dialect.fortumo;

import java.math.BigDecimal;
import lt.smssafe.sms.PaidMessage;

/**
 * A paid SMS as Fortumo delivers it ({@code status=pending}, docs/protocol.md §8.1), verified: the sender may be a masked
 * id or empty, the operator already turned into a provider code, the price VAT included.
 */
public record FortumoMessage(String messageId, String msisdn, String country, String provider, String shortcode,
        String content, BigDecimal cost, String currency, boolean test) implements PaidMessage {
    @Override
    public String dialect() {
        return FortumoDialect.NAME;
    }

    /** Fortumo signs no time; the request's age is guarded by {@code notify.allow} and idempotency instead. */
    @Override
    public long providerTime() {
        return 0;
    }

    /** Leaves out the sender and the content. */
    @Override
    public String toString() {
        return "FortumoMessage[message_id=" + messageId + ", country=" + country + ", provider=" + provider
                + ", cost=" + cost + " " + currency + ", test=" + test + "]";
    }
}
