package lt.smssafe.rates;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one operator in one country charges for paying this safe through one gateway: the end user sends
 * {@link #textToSend} to {@link #shortcode} {@link #messages} times, at {@link #price} each.
 *
 * @param gateway the gateway whose messages this entry matches (docs/protocol.md §5, "Rates per gateway")
 * @param country ISO 3166-1 alpha-2 code, lower case, as in the notification's {@code country}
 * @param countryName the country as the feed names it
 * @param operator operator code, as in the notification's {@code provider}, e.g. {@code bite_lt}; or
 *     {@link #ALL_OPERATORS} for an entry that every operator of the country without its own entry matches
 * @param operatorName the operator as the feed names it
 * @param shortcode the short number to send the SMS to
 * @param prefix the keyword the SMS starts with; for Fortumo and Paysera the gateway's keyword, e.g. {@code TXT SAFE}
 * @param price end-user price of one message
 * @param currency ISO 4217 code of {@code price}
 * @param vatIncluded whether {@code price} includes VAT
 * @param messages how many messages a session of this operator takes (N of docs/protocol.md §3)
 * @param notes the feed's remarks for the end user, in feed order
 * @param promotionalText the text the gateway requires beside its number (Fortumo's), if any
 */
public record Rate(Gateway gateway, String country, String countryName, String operator, String operatorName,
        String shortcode, String prefix, BigDecimal price, String currency, boolean vatIncluded, int messages,
        List<String> notes, Optional<PromotionalText> promotionalText) {
    /**
     * The operator code of an entry for every operator of its country: outside the operator codes' alphabet
     * ({@link OperatorCode}), so no operator can be called that.
     */
    public static final String ALL_OPERATORS = "*";

    /** @throws IllegalArgumentException for a negative price or a message count outside 1–100 */
    public Rate {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(countryName, "countryName");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(shortcode, "shortcode");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(promotionalText, "promotionalText");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative, not " + price);
        }
        if (messages < 1 || messages > 100) {
            throw new IllegalArgumentException("messages must be 1-100, not " + messages);
        }
        notes = List.copyOf(notes);
    }

    /** An sms:safe entry without promotional text, as the sms:safe feed has always described one. */
    public Rate(String country, String countryName, String operator, String operatorName, String shortcode,
            String prefix, BigDecimal price, String currency, boolean vatIncluded, int messages, List<String> notes) {
        this(Gateway.SMSSAFE, country, countryName, operator, operatorName, shortcode, prefix, price, currency,
                vatIncluded, messages, notes, Optional.empty());
    }

    /** What a whole session costs: {@link #price} × {@link #messages}. */
    public BigDecimal total() {
        return price.multiply(BigDecimal.valueOf(messages));
    }

    /** Whether every operator of the country without an entry of its own matches this one. */
    public boolean allOperators() {
        return ALL_OPERATORS.equals(operator);
    }

    /**
     * The exact SMS text (docs/protocol.md §5): {@code <prefix> <safe> <content>} for sms:safe, e.g.
     * {@code SAFE 1234 order-42}; {@code <prefix> <content>} for Fortumo and Paysera, e.g. {@code TXT SAFE order-42},
     * since those gateways route by their keyword alone and hand on everything after it. Blank content (or
     * {@code null}) gives the text without a trailing space the user might not type; other content is stripped for
     * the same reason.
     */
    public String textToSend(long safe, String content) {
        String base = gateway.textNamesTheSafe() ? prefix + " " + safe : prefix;
        return content == null || content.isBlank() ? base : base + " " + content.strip();
    }

    /** This entry with another N and notes: a Fortumo entry that {@code local.xml} gives its own count. */
    Rate withMessagesAndNotes(int newMessages, List<String> newNotes) {
        return new Rate(gateway, country, countryName, operator, operatorName, shortcode, prefix, price, currency,
                vatIncluded, newMessages, newNotes, promotionalText);
    }
}
