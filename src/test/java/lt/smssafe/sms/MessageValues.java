package lt.smssafe.sms;

import java.math.BigDecimal;

/**
 * A paid message as the tests hand it to the processor, without going through a dialect: an sms:safe message.
 *
 * @param safeId the safe the message was sent to; the processor counts it for its own safe, so tests keep one
 *     processor per safe
 * @param gatewayTime Unix seconds when the gateway signed the delivery
 */
public record MessageValues(long safeId, String messageId, String msisdn, String country, String operator,
        String shortcode, String content, BigDecimal cost, String currency, long gatewayTime)
        implements PaidMessage {
    @Override
    public String dialect() {
        return "smssafe";
    }
}
