package lt.smssafe.i18n;

/**
 * Which grammatical number a count takes in a language: 0 for the singular ("one"), 1 for "few", 2 for "many", as
 * the CLDR plural rules say for English, Lithuanian and Russian (English has only the first two).
 */
public final class Plural {
    private Plural() {
    }

    /** The form of a noun after {@code n}: 0, 1 or 2. */
    public static int form(Language language, long n) {
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        return switch (language) {
            case EN -> n == 1 ? 0 : 1;
            case LT -> lastDigit == 1 && lastTwo != 11 ? 0
                    : lastDigit >= 2 && (lastTwo < 12 || lastTwo > 19) ? 1 : 2;
            case RU -> lastDigit == 1 && lastTwo != 11 ? 0
                    : lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? 1 : 2;
        };
    }
}
