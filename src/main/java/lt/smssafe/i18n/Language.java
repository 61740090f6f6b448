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
