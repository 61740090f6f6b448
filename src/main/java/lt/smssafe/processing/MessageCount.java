package lt.smssafe.processing;

/**
 * How many messages (N) a session opened by this sender must collect. The seam where the rates decide: until a
 * rates entry names a count for the sender's country and operator, the {@code messages} key does.
 */
@FunctionalInterface
public interface MessageCount {
    /** N for a session opened now by a phone of this country and operator. */
    int forSender(String country, String provider);

    /** The same N for everyone. */
    static MessageCount fixed(int messages) {
        return (country, provider) -> messages;
    }
}
