package org.learningmap.organisations;

import java.text.Normalizer;
import java.util.Map;

/** Readable address names from organisation names in Latin or Cyrillic script. */
final class Slugs {

    static final int MAX_LENGTH = 60;

    /** Ukrainian national transliteration (2010), the one used on Ukrainian road signs and passports. */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"), Map.entry('ж', "zh"), Map.entry('з', "z"),
            Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
            Map.entry('ь', ""), Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('ы', "y"), Map.entry('э', "e"),
            Map.entry('ё', "io"), Map.entry('ъ', ""), Map.entry('\'', ""), Map.entry('’', ""));

    private Slugs() {
    }

    /** Lower-case ASCII letters, digits and single hyphens; "organisation" when nothing usable is left. */
    static String of(String name) {
        StringBuilder latin = new StringBuilder();
        for (char c : (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)).toCharArray()) {
            latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organisation" : slug;
    }

    /** The base, or the base with the first free number ("library-2") when taken. */
    static String firstFree(String base, java.util.function.Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
