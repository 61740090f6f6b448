package lt.smssafe.sms.dialect.paysera;

import java.math.BigDecimal;
import lt.smssafe.sms.PaidMessage;

/**
 * A paid SMS as Paysera delivers it (docs/protocol.md §8.2), verified: {@code content} is the text after the keyword,
 * the price converted from cents, the operator already a provider code.
 */
public record PayseraMessage(String messageId, String msisdn, String country, String provider, String shortcode,
        String content, BigDecimal cost, String currency, boolean test) implements PaidMessage {
    @Override
    public String dialect() {
        return PayseraDialect.NAME;
    }

    /** Paysera signs no time; {@code notify.allow} and idempotency guard replays instead. */
    @Override
    public long providerTime() {
        return 0;
    }

    /** Leaves out the sender and the content. */
    @Override
    public String toString() {
        return "PayseraMessage[id=" + messageId + ", country=" + country + ", provider=" + provider + ", cost="
                + cost + " " + currency + ", test=" + test + "]";
    }
}
