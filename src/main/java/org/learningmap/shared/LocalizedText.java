package org.learningmap.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * User-written text in several languages, stored as a JSON object of language tag to text.
 * Reading it in a language falls back to the given fallbacks, then to any language present,
 * so a visitor always sees something rather than nothing.
 */
public record LocalizedText(Map<String, String> values) {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of());

    public LocalizedText {
        var clean = new LinkedHashMap<String, String>();
        if (values != null) {
            values.forEach((language, text) -> {
                if (language != null && text != null && !text.isBlank()) {
                    clean.put(language, text.strip());
                }
            });
        }
        values = Collections.unmodifiableMap(clean);
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    public static LocalizedText of(String en, String lt, String uk) {
        var map = new LinkedHashMap<String, String>();
        map.put("en", en);
        map.put("lt", lt);
        map.put("uk", uk);
        return new LocalizedText(map);
    }

    public String in(Locale locale, String... fallbacks) {
        return in(locale == null ? null : locale.getLanguage(), fallbacks);
    }

    public String in(String language, String... fallbacks) {
        if (language != null && values.containsKey(language)) {
            return values.get(language);
        }
        for (String fallback : fallbacks) {
            if (values.containsKey(fallback)) {
                return values.get(fallback);
            }
        }
        if (values.containsKey("en")) {
            return values.get("en");
        }
        return values.values().stream().findFirst().orElse("");
    }

    /** The language actually shown for a request in the given language (for the lang attribute). */
    public String languageShown(String language, String... fallbacks) {
        if (language != null && values.containsKey(language)) {
            return language;
        }
        for (String fallback : fallbacks) {
            if (values.containsKey(fallback)) {
                return fallback;
            }
        }
        if (values.containsKey("en")) {
            return "en";
        }
        return values.keySet().stream().findFirst().orElse(language);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String language) {
        return values.containsKey(language);
    }

    public LocalizedText with(String language, String text) {
        var map = new LinkedHashMap<>(values);
        if (text == null || text.isBlank()) {
            map.remove(language);
        } else {
            map.put(language, text);
        }
        return new LocalizedText(map);
    }
}
