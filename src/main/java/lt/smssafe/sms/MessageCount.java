package lt.smssafe.sms;

import java.util.function.Supplier;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;

/**
 * How many messages (N) a session opened by this sender must collect: the rates entry of the sender's country
 * and operator decides, else the {@code messages} key (PROTOCOL.md §3).
 */
@FunctionalInterface
public interface MessageCount {
    /** N for a session opened now by a phone of this country and operator. */
    int forSender(String country, String provider);

    /**
     * N from the rates entry of the sender's country and operator, read from the rates as they are at that moment;
     * {@code fallback} (the {@code messages} key) where the rates have no such entry.
     */
    static MessageCount fromRates(Supplier<RateTable> rates, int fallback) {
        return (country, provider) -> rates.get().find(country, provider).map(Rate::messages).orElse(fallback);
    }

    /** The same N for everyone. */
    static MessageCount fixed(int messages) {
        return (country, provider) -> messages;
    }
}
