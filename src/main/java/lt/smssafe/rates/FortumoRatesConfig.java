package lt.smssafe.rates;

import java.util.Objects;
import java.util.Optional;

/**
 * Where Fortumo's service-data XML comes from and what its entries get (docs/protocol.md §5).
 *
 * @param url the {@code fortumo.rates.url} key, taken as it is ({@code http:}, {@code https:} or {@code file:})
 * @param serviceId the {@code fortumo.service-id} key: the file must be for that service; empty takes any
 * @param messages the {@code messages} key: N of the entries that {@code local.xml} names no count for
 */
public record FortumoRatesConfig(String url, Optional<String> serviceId, int messages) {
    /** @throws IllegalArgumentException for a message count outside 1–100 */
    public FortumoRatesConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(serviceId, "serviceId");
        if (messages < 1 || messages > 100) {
            throw new IllegalArgumentException("messages must be 1-100, not " + messages);
        }
    }
}
