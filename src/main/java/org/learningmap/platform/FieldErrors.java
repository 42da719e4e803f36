package org.learningmap.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindException;
import org.springframework.validation.MapBindingResult;

/**
 * What was wrong with entered data, one message key per field. Pages show the messages beside the
 * fields; the API answers them as a 400 problem with one message per field.
 */
public final class FieldErrors {

    private record Problem(String key, Object[] arguments) {
    }

    private final Map<String, Problem> byField = new LinkedHashMap<>();

    /** Notes the first problem of a field; later ones of the same field wait until that is fixed. */
    public void reject(String field, String key, Object... arguments) {
        byField.putIfAbsent(field, new Problem(key, arguments));
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The messages by field, in the order the fields were checked. */
    public Map<String, String> messages(MessageSource messages, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        byField.forEach((field, problem) -> texts.put(field, messages.getMessage(problem.key(), problem.arguments(), locale)));
        return texts;
    }

    /** Fails with {@link Invalid}, for a page to show the problems beside the fields, if there are any. */
    public void throwIfAny() {
        if (any()) {
            throw new Invalid(this);
        }
    }

    /** The problems as the exception the API turns into a 400 problem with per-field messages. */
    public BindException asException(String objectName) {
        MapBindingResult result = new MapBindingResult(new LinkedHashMap<>(), objectName);
        byField.forEach((field, problem) -> result.rejectValue(field, problem.key(), problem.arguments(), null));
        return new BindException(result);
    }

    /** Fails with the problems as a {@link BindException}, if there are any. */
    public void throwIfAny(String objectName) throws BindException {
        if (any()) {
            throw asException(objectName);
        }
    }

    /** A use case refused what was entered; the page shows the problems beside the fields. */
    public static final class Invalid extends RuntimeException {

        private final transient FieldErrors errors;

        public Invalid(FieldErrors errors) {
            super("invalid input", null, false, false);
            this.errors = errors;
        }

        public FieldErrors errors() {
            return errors;
        }
    }
}
