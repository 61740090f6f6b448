package lt.smssafe.rates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one operator in one country charges for paying this safe: the end user sends {@link #textToSend} to
 * {@link #shortcode} {@link #messages} times, at {@link #price} each.
 *
 * @param country ISO 3166-1 alpha-2 code, lower case, as in the notification's {@code country}
 * @param countryName the country as the feed names it
 * @param provider operator code, as in the notification's {@code provider}, e.g. {@code bite_lt}
 * @param providerName the operator as the feed names it
 * @param shortcode the short number to send the SMS to
 * @param prefix the keyword the SMS starts with
 * @param price end-user price of one message
 * @param currency ISO 4217 code of {@code price}
 * @param vatIncluded whether {@code price} includes VAT
 * @param messages how many messages a session of this operator takes (N of PROTOCOL.md §3)
 * @param notes the provider's remarks for the end user, in feed order
 */
public record Rate(String country, String countryName, String provider, String providerName, String shortcode,
        String prefix, BigDecimal price, String currency, boolean vatIncluded, int messages, List<String> notes) {

    /** @throws IllegalArgumentException for a negative price or a message count outside 1–100 */
    public Rate {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(countryName, "countryName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(shortcode, "shortcode");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative, not " + price);
        }
        if (messages < 1 || messages > 100) {
            throw new IllegalArgumentException("messages must be 1-100, not " + messages);
        }
        notes = List.copyOf(notes);
    }

    /** What a whole session costs: {@link #price} × {@link #messages}. */
    public BigDecimal total() {
        return price.multiply(BigDecimal.valueOf(messages));
    }

    /**
     * The exact SMS text, {@code <prefix> <safe> <content>} (PROTOCOL.md §5), e.g. {@code SAFE 1234 order-42}.
     * Blank content (or {@code null}) gives {@code SAFE 1234}, without a trailing space the user might not type;
     * other content is stripped for the same reason.
     */
    public String textToSend(long safe, String content) {
        String base = prefix + " " + safe;
        return content == null || content.isBlank() ? base : base + " " + content.strip();
    }
}
