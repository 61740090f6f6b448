package lt.smssafe.i18n;

import java.time.Duration;

/**
 * The {@code {left}} of a reply: the time left in whole minutes, rounded up, written {@code H hours M minutes} in
 * the reply's language with the right grammatical number (docs/protocol.md §3).
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
        return format(left, Units.of(language));
    }

    /**
     * {@code left} as written on a page: the same words, but Lithuanian with its diacritics, which only an SMS
     * leaves out, and below a minute the seconds ({@code 7 seconds}, rounded up): the reply's rounding up to whole
     * minutes binds SMS only (docs/protocol.md §3), and "0 hours 1 minute" for 7 seconds misleads a reader who watches
     * the page count down.
     */
    public static String formatForPage(Duration left, Language language) {
        Units units = language == Language.LT ? Units.LT_PAGE : Units.of(language);
        if (left.compareTo(Duration.ofMinutes(1)) < 0) {
            long millis = left.isNegative() ? 0 : left.toMillis();
            long seconds = (millis + 999) / 1000;
            return seconds + " " + units.seconds(seconds);
        }
        return format(left, units);
    }

    private static String format(Duration left, Units units) {
        long minutes = minutesRoundedUp(left);
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + " " + units.hours(hours) + " " + rest + " " + units.minutes(rest);
    }

    /** The words for hours and minutes, each in the grammatical number its count asks for. */
    private enum Units {
        EN(new String[] {"hour", "hours", "hours"}, new String[] {"minute", "minutes", "minutes"},
                new String[] {"second", "seconds", "seconds"}),
        // Lithuanian without diacritics, as SMS in Lithuania usually are, to stay in the GSM 7-bit alphabet
        LT(new String[] {"valanda", "valandos", "valandu"}, new String[] {"minute", "minutes", "minuciu"},
                new String[] {"sekunde", "sekundes", "sekundziu"}),
        RU(new String[] {"час", "часа", "часов"}, new String[] {"минута", "минуты", "минут"},
                new String[] {"секунда", "секунды", "секунд"}),
        LT_PAGE(new String[] {"valanda", "valandos", "valandų"}, new String[] {"minutė", "minutės", "minučių"},
                new String[] {"sekundė", "sekundės", "sekundžių"});

        private final String[] hourForms;
        private final String[] minuteForms;
        private final String[] secondForms;

        Units(String[] hourForms, String[] minuteForms, String[] secondForms) {
            this.hourForms = hourForms;
            this.minuteForms = minuteForms;
            this.secondForms = secondForms;
        }

        static Units of(Language language) {
            return valueOf(language.name());
        }

        String hours(long count) {
            return hourForms[language().pluralForm(count)];
        }

        String minutes(long count) {
            return minuteForms[language().pluralForm(count)];
        }

        String seconds(long count) {
            return secondForms[language().pluralForm(count)];
        }

        private Language language() {
            return this == LT_PAGE ? Language.LT : Language.valueOf(name());
        }
    }
}
