package lt.smssafe.sms.dialect;

import java.util.Locale;

/**
 * What a gateway's test messages get ({@code <dialect>.test}, docs/protocol.md §8): processed as test payments, or
 * refused with {@code 403 test messages refused}.
 */
public enum TestPolicy {
    /** Processed like real ones, flagged as test all the way to the payment action. The default. */
    ACCEPT,
    /** Refused, so that a live site never sees a test payment. */
    REJECT;

    /** @throws IllegalArgumentException naming the accepted values */
    public static TestPolicy parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "accept" -> ACCEPT;
            case "reject" -> REJECT;
            default -> throw new IllegalArgumentException("must be accept or reject, not '" + value + "'");
        };
    }
}
