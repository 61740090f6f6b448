package lt.smssafe.mbs;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to charge and what to send the subscriber, for {@link MbsDirect#bill} and {@link MbsDirect#billByMsisdn}.
 * Checked here, so that a caller's mistake fails before anything goes over the wire:
 * {@code BillRequest.sms("order-42", "Thank you", 250, "EUR").withLanguage("lt").withOption("plan", "gold")}.
 *
 * @param ident the service's own reference of what is paid for, 1–64 characters
 * @param mtText the SMS text, or the WAP push title; required for an SMS
 * @param mtUrl the WAP push link, {@code http} or {@code https}; required for a WAP push
 * @param priceCents the price in cents, positive
 * @param currency ISO 4217, three capital letters
 * @param language ISO 639-1 of the message, two small letters, or {@code null} for the platform's default
 * @param options name-value pairs handed back in the transaction and usable in the report URL as
 *     {@code %{my_<name>}%}; their order is kept
 */
public record BillRequest(String ident, MtType mtType, String mtText, String mtUrl, long priceCents,
        String currency, String language, Map<String, String> options) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int MAX_IDENT = 64;
    private static final int MAX_TEXT = 255;
    private static final int MAX_OPTION_NAME = 64;
    private static final int MAX_OPTION_VALUE = 1024;

    public BillRequest {
        Objects.requireNonNull(ident, "ident is required");
        if (ident.isEmpty() || ident.length() > MAX_IDENT) {
            throw new IllegalArgumentException("ident must be 1-" + MAX_IDENT + " characters, not '" + ident + "'");
        }
        Objects.requireNonNull(mtType, "mt type is required");
        if (mtText != null && mtText.length() > MAX_TEXT) {
            throw new IllegalArgumentException("mt text must be at most " + MAX_TEXT + " characters");
        }
        if (mtType == MtType.SMS && (mtText == null || mtText.isBlank())) {
            throw new IllegalArgumentException("an SMS needs its text");
        }
        if (mtType == MtType.WAP_PUSH) {
            requireHttpUrl(mtUrl);
        }
        if (priceCents <= 0) {
            throw new IllegalArgumentException("price must be positive, not " + priceCents + " cents");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be ISO 4217 like EUR, not '" + currency + "'");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be ISO 639-1 like lt, not '" + language + "'");
        }
        options = checkedOptions(options);
    }

    /** An SMS with this text, charged this price. */
    public static BillRequest sms(String ident, String text, long priceCents, String currency) {
        return new BillRequest(ident, MtType.SMS, text, null, priceCents, currency, null, Map.of());
    }

    /** A WAP push with this title and link, charged this price. */
    public static BillRequest wapPush(String ident, String title, String url, long priceCents, String currency) {
        return new BillRequest(ident, MtType.WAP_PUSH, title, url, priceCents, currency, null, Map.of());
    }

    /** The same request in this language. */
    public BillRequest withLanguage(String language) {
        return new BillRequest(ident, mtType, mtText, mtUrl, priceCents, currency, language, options);
    }

    /** The same request with this option added after the others (or replaced where the name is taken). */
    public BillRequest withOption(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(name, value);
        return new BillRequest(ident, mtType, mtText, mtUrl, priceCents, currency, language, more);
    }

    /** The same request with these options, in their iteration order, instead of the present ones. */
    public BillRequest withOptions(Map<String, String> options) {
        return new BillRequest(ident, mtType, mtText, mtUrl, priceCents, currency, language, options);
    }

    private static void requireHttpUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("a WAP push needs its URL");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException("mt url must be an absolute http or https URL, not '" + url + "'");
    }

    private static Map<String, String> checkedOptions(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (name == null || name.isEmpty() || name.length() > MAX_OPTION_NAME) {
                throw new IllegalArgumentException("option name must be 1-" + MAX_OPTION_NAME
                        + " characters, not '" + name + "'");
            }
            if (value == null || value.length() > MAX_OPTION_VALUE) {
                throw new IllegalArgumentException("option '" + name + "' needs a value of at most "
                        + MAX_OPTION_VALUE + " characters");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
