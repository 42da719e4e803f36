package org.learningmap.catalogue;

import java.util.Locale;

/**
 * The plural category of a whole number in a language, after the Unicode CLDR rules, so that a
 * message can have a form per category: Lithuanian and Ukrainian have three forms for whole numbers.
 */
final class Plurals {

    private Plurals() {
    }

    /** "one", "few", "many" or "other". */
    static String category(long n, Locale locale) {
        long mod10 = n % 10;
        long mod100 = n % 100;
        return switch (locale == null ? "en" : locale.getLanguage()) {
            case "lt" -> mod10 == 1 && (mod100 < 11 || mod100 > 19) ? "one"
                    : mod10 >= 2 && mod10 <= 9 && (mod100 < 11 || mod100 > 19) ? "few" : "other";
            case "uk", "ru", "be" -> mod10 == 1 && mod100 != 11 ? "one"
                    : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
            default -> n == 1 ? "one" : "other";
        };
    }

    /** The message key for {@code n}: {@code base + "." + category}. */
    static String key(String base, long n, Locale locale) {
        return base + "." + category(n, locale);
    }
}
