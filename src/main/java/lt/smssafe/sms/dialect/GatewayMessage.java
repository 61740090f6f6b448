package lt.smssafe.sms.dialect;

import java.math.BigDecimal;
import java.util.Objects;
import lt.smssafe.sms.PaidMessage;

/**
 * A paid SMS as a live gateway delivers it (docs/protocol.md §8: Fortumo's {@code status=pending}, Paysera's callback),
 * verified by its dialect: the sender may be a masked id or empty, the operator already turned into an operator code,
 * the price VAT included, {@code content} the text after the keyword. The gateways sign no time, so
 * {@link #gatewayTime()} is 0: {@code notify.allow} and idempotency guard replays instead.
 *
 * @param dialect the dialect that read it, e.g. {@code fortumo}
 */
public record GatewayMessage(String dialect, String messageId, String msisdn, String country, String operator,
        String shortcode, String content, BigDecimal cost, String currency, boolean test) implements PaidMessage {
    public GatewayMessage {
        Objects.requireNonNull(dialect, "dialect");
    }

    @Override
    public long gatewayTime() {
        return 0;
    }

    /** Leaves out the sender and the content. */
    @Override
    public String toString() {
        return "GatewayMessage[dialect=" + dialect + ", message_id=" + messageId + ", country=" + country
                + ", operator=" + operator + ", cost=" + cost + " " + currency + ", test=" + test + "]";
    }
}
