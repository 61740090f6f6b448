package lt.smssafe.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import lt.smssafe.i18n.Language;

/**
 * Times as people read them on a page: in the page's language and the configured {@code timezone}, to the minute
 * (or the second, where the order of events matters), e.g. {@code 1 Dec 2026, 10:15}. Views call it as
 * {@code ${times.format(instant)}}.
 */
public final class PageTimes {
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter seconds;
    private final DateTimeFormatter days;
    private final ZoneId zone;

    PageTimes(Language language, ZoneId zone) {
        this.zone = zone;
        this.minutes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).withZone(zone);
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
        this.seconds = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(language.locale()).withZone(zone);
    }

    /** An instant (or an {@code Optional} of one) to the minute; empty text for none. */
    public String format(Object time) {
        Instant instant = instant(time);
        return instant == null ? "" : minutes.format(instant);
    }

    /** To the second: for lists of messages a few seconds apart. */
    public String formatSeconds(Object time) {
        Instant instant = instant(time);
        return instant == null ? "" : seconds.format(instant);
    }

    /** A day, e.g. {@code Dec 1, 2026}. */
    public String formatDay(java.time.LocalDate day) {
        return days.format(day);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute, with the zone's offset. */
    public String iso(Object time) {
        Instant instant = instant(time);
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** The zone's name as the pages say it, e.g. {@code Europe/Vilnius}. */
    public String zone() {
        return zone.getId();
    }

    private static Instant instant(Object time) {
        if (time instanceof Optional<?> optional) {
            return (Instant) optional.orElse(null);
        }
        return (Instant) time;
    }

    /**
     * How often, in English words for the admin pages: {@code every hour}, {@code every 30 minutes}, {@code every
     * 2 hours 15 minutes}, {@code every day} — never an ISO-8601 duration such as {@code PT1H}.
     */
    public static String every(java.time.Duration period) {
        if (period.isZero() || period.isNegative()) {
            return "never";
        }
        long seconds = period.toSeconds();
        if (seconds % 86_400 == 0) {
            long days = seconds / 86_400;
            return days == 1 ? "every day" : "every " + days + " days";
        }
        if (seconds == 3_600) {
            return "every hour";
        }
        if (seconds == 60) {
            return "every minute";
        }
        StringBuilder words = new StringBuilder("every");
        long hours = seconds / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            words.append(' ').append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (minutes > 0) {
            words.append(' ').append(minutes).append(minutes == 1 ? " minute" : " minutes");
        }
        if (rest > 0 || hours == 0 && minutes == 0) {
            words.append(' ').append(rest).append(rest == 1 ? " second" : " seconds");
        }
        return words.toString();
    }
}
