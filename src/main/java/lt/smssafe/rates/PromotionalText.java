package lt.smssafe.rates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The text Fortumo requires beside its number (price, support contact, "Mobile Payment by fortumo"), per country in
 * the country's own language and in English, as its service-data XML gives it. Either may be blank.
 *
 * @param local in the country's language
 * @param english in English
 */
public record PromotionalText(String local, String english) {
    /** Strips both, so the page shows no indentation a pretty-printer gave them. */
    public PromotionalText {
        local = Objects.requireNonNull(local, "local").strip();
        english = Objects.requireNonNull(english, "english").strip();
    }

    /** Whether there is nothing to show. */
    public boolean isBlank() {
        return local.isEmpty() && english.isEmpty();
    }

    /**
     * The text for a page in {@code language} about {@code country}: the local one where the page's language is
     * spoken there (a Lithuanian page about Lithuania), else the English one, which every buyer of a foreign page
     * can read better than, say, Estonian; whichever is there when the other is blank. "Spoken there" is what the
     * JDK's locales say: {@code lt_LT} exists, {@code lt_EE} does not.
     *
     * @param language ISO 639-1, e.g. {@code lt}
     * @param country ISO 3166-1 alpha-2, any case
     */
    public String forPage(String language, String country) {
        boolean inLocal = spokenIn(language, country);
        String first = inLocal ? local : english;
        String second = inLocal ? english : local;
        return first.isEmpty() ? second : first;
    }

    private static boolean spokenIn(String language, String country) {
        if ("en".equals(language)) {
            return false;
        }
        String upper = country.toUpperCase(Locale.ROOT);
        return Arrays.stream(Locale.getAvailableLocales())
                .anyMatch(locale -> locale.getLanguage().equals(language) && locale.getCountry().equals(upper));
    }
}
