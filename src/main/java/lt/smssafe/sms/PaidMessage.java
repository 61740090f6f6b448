package lt.smssafe.sms;

import java.math.BigDecimal;
import lt.smssafe.rates.OperatorCode;

/**
 * One paid SMS as a gateway's dialect hands it to the {@link MessageProcessor}: already parsed, verified and meant
 * for this safe. Each dialect's own notification type implements it, so the message reaches the processor as the
 * dialect read it, without a copy.
 */
public non-sealed interface PaidMessage extends GatewayEvent {
    /** docs/protocol.md §2: the longest {@code content}, counted in Unicode code points (one SMS). */
    int MAX_CONTENT_CODE_POINTS = 160;
    /** The operator code of a message whose gateway named no operator (docs/protocol.md §8). */
    String UNKNOWN_OPERATOR = OperatorCode.UNKNOWN;

    /** The gateway's unique id of this SMS, unique per dialect. */
    @Override
    String messageId();

    /**
     * The sender: for sms:safe a phone number (international format without {@code +}); for the live gateways a
     * sender id that may be masked (docs/protocol.md §8), or empty when the gateway could not tell who sent it.
     */
    String msisdn();

    /** ISO 3166-1 alpha-2 of the sender's operator, lower case as the rates spell it. */
    String country();

    /**
     * The sender's mobile operator as a code, e.g. {@code bite_lt}: the {@code provider} of the sms:safe notification
     * and of the stored rows.
     */
    String operator();

    /** The short number the SMS went to. */
    String shortcode();

    /** The text after the prefix and the safe id; may be empty. */
    String content();

    /** The end-user price of this SMS, with the scale it was sent with. */
    BigDecimal cost();

    /** ISO 4217, upper case. */
    String currency();

    /**
     * Unix seconds when the gateway signed the delivery (kept as {@code provider_time}), or 0 where the dialect carries
     * no signing time.
     */
    long gatewayTime();

    /** Whether the gateway flagged it as a test: it never counts towards a real session, nor a real one to it. */
    default boolean test() {
        return false;
    }

    /** Whether the gateway told who sent it. */
    default boolean hasSender() {
        return !msisdn().isEmpty();
    }
}
