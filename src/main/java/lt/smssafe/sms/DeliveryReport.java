package lt.smssafe.sms;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway's later word on a message it delivered (docs/protocol.md §8.1): billed after all ({@code ok}) or not
 * ({@code failed}, which reverses the message). It is matched to the stored message by its id; every value it
 * carries that the stored message also has must be equal, and values it lacks are not compared.
 *
 * @param billed {@code true} for {@code ok}, {@code false} for {@code failed}
 */
public record DeliveryReport(String dialect, String messageId, boolean billed, Optional<String> msisdn,
        Optional<String> country, Optional<String> operator, Optional<String> shortcode, Optional<String> content,
        Optional<BigDecimal> cost, Optional<String> currency) implements GatewayEvent {
    public DeliveryReport {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(messageId, "message id");
    }

    /**
     * Whether every value the report carries that the stored message also had is the stored message's (the price
     * compared as a number). A sender or operator the gateway did not tell at first (stored blank, or as
     * {@code unknown}), and a value the report carries blank, are not compared.
     */
    boolean matches(ReceivedMessage stored) {
        return same(msisdn, stored.msisdn(), "")
                && same(country, stored.country(), "")
                && same(operator, stored.operator(), PaidMessage.UNKNOWN_OPERATOR)
                && same(shortcode, stored.shortcode(), "")
                && content.map(stored.content()::equals).orElse(true)
                && cost.map(c -> c.compareTo(stored.cost()) == 0).orElse(true)
                && same(currency, stored.currency(), "");
    }

    /** How it is kept when it is about a message never stored: {@code ok} or {@code failed}. */
    String status() {
        return billed ? "ok" : "failed";
    }

    private static boolean same(Optional<String> reported, String stored, String lacking) {
        return reported.filter(value -> !value.isBlank()).map(value -> stored.isEmpty() || stored.equals(lacking)
                || stored.equals(value)).orElse(true);
    }
}
