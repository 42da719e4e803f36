package org.learningmap.catalogue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times of sessions as a person of the page's language writes them, in the site's zone.
 * English is written the British way (1 December 2026), like the rest of the interface.
 */
public final class Dates {

    private Dates() {
    }

    /** "Tuesday, 1 December 2026". */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(writing(locale)).format(instant.atZone(zone));
    }

    /** "1 Dec 2026". */
    public static String shortDate(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(writing(locale)).format(instant.atZone(zone));
    }

    /** "18:00". */
    public static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(writing(locale)).format(instant.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}, with the zone's offset. */
    public static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    private static Locale writing(Locale locale) {
        if (locale == null || locale.getLanguage().equals("en")) {
            return Locale.UK;
        }
        return locale;
    }
}
