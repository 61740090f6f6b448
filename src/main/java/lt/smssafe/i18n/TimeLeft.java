package lt.smssafe.i18n;

import java.time.Duration;

/**
 * The {@code {left}} of a reply: the time left in whole minutes, rounded up, written {@code H hours M minutes} in
 * the reply's language with the right grammatical number (PROTOCOL.md §3).
 */
public final class TimeLeft {
    private TimeLeft() {
    }

    /** Whole minutes in {@code left}, rounded up: 30 s left is "1 minute", not "0 minutes". */
    public static long minutesRoundedUp(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return 0;
        }
        long millis = left.toMillis();
        return (millis + 59_999) / 60_000;
    }

    /** {@code left} as written in a reply, e.g. {@code 23 hours 59 minutes}, {@code 1 hour 1 minute}. */
    public static String format(Duration left, Language language) {
        long minutes = minutesRoundedUp(left);
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + " " + Units.of(language).hours(hours) + " " + rest + " " + Units.of(language).minutes(rest);
    }

    /** The words for hours and minutes, each in the grammatical number its count asks for. */
    private enum Units {
        EN(new String[] {"hour", "hours", "hours"}, new String[] {"minute", "minutes", "minutes"}),
        // Lithuanian without diacritics, as SMS in Lithuania usually are, to stay in the GSM 7-bit alphabet
        LT(new String[] {"valanda", "valandos", "valandu"}, new String[] {"minute", "minutes", "minuciu"}),
        RU(new String[] {"час", "часа", "часов"}, new String[] {"минута", "минуты", "минут"});

        private final String[] hourForms;
        private final String[] minuteForms;

        Units(String[] hourForms, String[] minuteForms) {
            this.hourForms = hourForms;
            this.minuteForms = minuteForms;
        }

        static Units of(Language language) {
            return valueOf(language.name());
        }

        String hours(long count) {
            return hourForms[form(count)];
        }

        String minutes(long count) {
            return minuteForms[form(count)];
        }

        /** 0 = singular, 1 = "few", 2 = "many" (the CLDR plural categories one/few/many, as each language uses them). */
        private int form(long n) {
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
    }
}
