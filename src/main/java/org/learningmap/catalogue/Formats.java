package org.learningmap.catalogue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates, times, prices and distances as a person of the page's language writes them; times in the
 * site's zone. English is written the British way (1 December 2026), like the rest of the interface.
 */
public final class Formats {

    private Formats() {
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

    /** "€15.00", "15,00 €". */
    public static String price(int cents, String currency, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(writing(locale));
        try {
            format.setCurrency(java.util.Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // the locale's own currency stays
        }
        return format.format(java.math.BigDecimal.valueOf(cents, 2));
    }

    /** "2.5", "2,5": kilometres with one decimal. */
    public static String kilometres(double km, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(writing(locale));
        format.setMaximumFractionDigits(km < 10 ? 1 : 0);
        format.setMinimumFractionDigits(0);
        return format.format(km);
    }

    /** A language's name in the page's language, starting with a capital: "Ukrainian", "Ukrainiečių". */
    public static String languageName(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(writing(locale));
        if (name.isEmpty() || name.equals(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(writing(locale)) + name.substring(1);
    }

    /** The message key of the plural form for {@code n}: {@code base.one}, {@code base.few}, {@code base.many} or {@code base.other}. */
    public static String pluralKey(String base, long n, Locale locale) {
        return Plurals.key(base, n, locale);
    }

    private static Locale writing(Locale locale) {
        if (locale == null || locale.getLanguage().equals("en")) {
            return Locale.UK;
        }
        return locale;
    }
}
