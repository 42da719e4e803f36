package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.learningmap.shared.LocalizedText;

/** Checks of entered values shared by the pages and the API; each problem is a message key on a field. */
final class InputChecks {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,30}");

    private InputChecks() {
    }

    /** Trimmed text, or null when nothing was entered. */
    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String text(String value, String field, int max, boolean required, FieldErrors errors) {
        String cleaned = clean(value);
        if (cleaned == null) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        if (cleaned.length() > max) {
            errors.reject(field, "input.too-long", max);
        }
        return cleaned;
    }

    /**
     * Text in the site's languages. Other languages are refused rather than dropped, so nothing a
     * person typed disappears without a word.
     */
    static LocalizedText translations(Map<String, String> values, List<String> languages, String field, int max,
                                      String requiredKey, FieldErrors errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((language, text) -> {
                String cleaned = clean(text);
                if (cleaned == null) {
                    return;
                }
                if (!languages.contains(language)) {
                    errors.reject(field, "input.language", String.join(", ", languages));
                } else if (cleaned.length() > max) {
                    errors.reject(field + "." + language, "input.too-long", max);
                    errors.reject(field, "input.too-long", max);
                } else {
                    kept.put(language, cleaned);
                }
            });
        }
        if (kept.isEmpty() && requiredKey != null && !errors.has(field)) {
            errors.reject(field, requiredKey);
        }
        return new LocalizedText(kept);
    }

    static String email(String value, String field, boolean required, FieldErrors errors) {
        String cleaned = text(value, field, 320, required, errors);
        if (cleaned != null && !EMAIL.matcher(cleaned).matches()) {
            errors.reject(field, "validation.email");
        }
        return cleaned;
    }

    static String phone(String value, String field, FieldErrors errors) {
        String cleaned = clean(value);
        if (cleaned != null && !PHONE.matcher(cleaned).matches()) {
            errors.reject(field, "input.phone");
        }
        return cleaned;
    }

    static String website(String value, String field, FieldErrors errors) {
        String cleaned = text(value, field, 300, false, errors);
        if (cleaned == null) {
            return null;
        }
        try {
            URI uri = new URI(cleaned);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getHost() == null
                    || !uri.getHost().contains(".")) {
                errors.reject(field, "validation.url");
            }
        } catch (URISyntaxException e) {
            errors.reject(field, "validation.url");
        }
        return cleaned;
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type, String field, FieldErrors errors) {
        Optional<E> chosen = parse(value, type);
        if (chosen.isEmpty()) {
            errors.reject(field, "validation.choose");
        }
        return chosen.orElse(null);
    }

    static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, cleaned));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A decimal number typed by a person: a comma is taken as the decimal mark, as in Lithuanian and Ukrainian. */
    static Double number(String value) {
        String cleaned = clean(value);
        if (cleaned == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(cleaned.replace(',', '.'));
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
