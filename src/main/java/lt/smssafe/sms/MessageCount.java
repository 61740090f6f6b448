package lt.smssafe.sms;

import java.util.function.Supplier;
import lt.smssafe.rates.Gateway;
import lt.smssafe.rates.Rate;
import lt.smssafe.rates.RateTable;

/**
 * How many messages (N) a session opened by this sender must collect: the rates entry of the message's gateway and
 * the sender's country and operator decides, else the {@code messages} key (docs/protocol.md §3, §5).
 */
@FunctionalInterface
public interface MessageCount {
    /** N for a session opened now through this dialect by a phone of this country and operator. */
    int forSender(String dialect, String country, String operator);

    /**
     * N from the rates entry of the dialect's gateway and the sender's country and operator, read from the rates as
     * they are at that moment; {@code fallback} (the {@code messages} key) where the rates have no such entry. A
     * Fortumo message never takes an sms:safe entry's N, nor the reverse: their numbers and prices differ.
     */
    static MessageCount fromRates(Supplier<RateTable> rates, int fallback) {
        return (dialect, country, operator) -> Gateway.ofCode(dialect)
                .flatMap(gateway -> rates.get().find(gateway, country, operator))
                .map(Rate::messages).orElse(fallback);
    }

    /** The same N for everyone. */
    static MessageCount fixed(int messages) {
        return (dialect, country, operator) -> messages;
    }
}
