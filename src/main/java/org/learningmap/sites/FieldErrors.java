package org.learningmap.sites;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** What was wrong with entered data, one message key per field, shown beside the fields. */
final class FieldErrors {

    private record Problem(String key, Object[] arguments) {
    }

    private final Map<String, Problem> byField = new LinkedHashMap<>();

    /** Notes the first problem of a field; later ones of the same field wait until that is fixed. */
    void reject(String field, String key, Object... arguments) {
        byField.putIfAbsent(field, new Problem(key, arguments));
    }

    boolean any() {
        return !byField.isEmpty();
    }

    boolean has(String field) {
        return byField.containsKey(field);
    }

    Map<String, String> messages(MessageSource messages, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        byField.forEach((field, problem) -> texts.put(field, messages.getMessage(problem.key(), problem.arguments(), locale)));
        return texts;
    }

    void throwIfAny() {
        if (any()) {
            throw new Invalid(this);
        }
    }

    /** A use case refused what was entered; the page shows the problems beside the fields. */
    static final class Invalid extends RuntimeException {

        private final transient FieldErrors errors;

        Invalid(FieldErrors errors) {
            super("invalid input", null, false, false);
            this.errors = errors;
        }

        FieldErrors errors() {
            return errors;
        }
    }
}
