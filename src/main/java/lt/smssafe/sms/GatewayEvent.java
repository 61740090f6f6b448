package lt.smssafe.sms;

/**
 * What a gateway's request says, once its dialect has read and verified it: a paid message to count, or a later
 * report about one (docs/protocol.md §8.1's billing report).
 */
public sealed interface GatewayEvent permits PaidMessage, DeliveryReport {
    /** The dialect that read it, e.g. {@code smssafe}, {@code fortumo}: message ids are unique per dialect. */
    String dialect();

    /** The gateway's id of the message the event is about. */
    String messageId();
}
