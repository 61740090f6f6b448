package lt.smssafe.sms;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway's later word on a message it delivered (PROTOCOL.md §8.1): billed after all ({@code ok}) or not
 * ({@code failed}, which reverses the message). It is matched to the stored message by its id; every value it
 * carries that the stored message also has must be equal, and values it lacks are not compared.
 *
 * @param billed {@code true} for {@code ok}, {@code false} for {@code failed}
 */
public record DeliveryReport(String dialect, String messageId, boolean billed, Optional<String> msisdn,
        Optional<String> country, Optional<String> provider, Optional<String> shortcode, Optional<String> content,
        Optional<BigDecimal> cost, Optional<String> currency) implements ProviderEvent {
    public DeliveryReport {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(messageId, "message id");
    }

    /** Whether every value the report carries is the stored message's (the price compared as a number). */
    boolean matches(ReceivedMessage stored) {
        return msisdn.map(stored.msisdn()::equals).orElse(true)
                && country.map(stored.country()::equals).orElse(true)
                && provider.map(stored.provider()::equals).orElse(true)
                && shortcode.map(stored.shortcode()::equals).orElse(true)
                && content.map(stored.content()::equals).orElse(true)
                && cost.map(c -> c.compareTo(stored.cost()) == 0).orElse(true)
                && currency.map(stored.currency()::equals).orElse(true);
    }
}
