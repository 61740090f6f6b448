package lt.smssafe.i18n;

import java.util.Locale;

/** The language of replies and pages, chosen by the {@code language} key (docs/protocol.md §1). */
public enum Language {
    EN, LT, RU;

    /** The configuration value and ISO 639-1 code, e.g. {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale for resource bundles and number formatting. */
    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /**
     * Which grammatical number a noun takes after {@code n} in this language: 0 for the singular ("one"), 1 for
     * "few", 2 for "many", as the CLDR plural rules say (English has only the first two).
     */
    public int pluralForm(long n) {
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        return switch (this) {
            case EN -> n == 1 ? 0 : 1;
            case LT -> lastDigit == 1 && lastTwo != 11 ? 0
                    : lastDigit >= 2 && (lastTwo < 12 || lastTwo > 19) ? 1 : 2;
            case RU -> lastDigit == 1 && lastTwo != 11 ? 0
                    : lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? 1 : 2;
        };
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Language parse(String value) {
        for (Language language : values()) {
            if (language.code().equals(value)) {
                return language;
            }
        }
        throw new IllegalArgumentException("must be one of en, lt, ru, not '" + value + "'");
    }
}
