package org.learningmap.organisations;

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
final class InputErrors {

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

    /** The problems as the exception the API turns into a 400 problem with per-field messages. */
    BindException asException(String objectName) {
        MapBindingResult result = new MapBindingResult(new LinkedHashMap<>(), objectName);
        byField.forEach((field, problem) -> result.rejectValue(field, problem.key(), problem.arguments(), null));
        return new BindException(result);
    }

    /** Fails with the problems, if there are any. */
    void throwIfAny(String objectName) throws BindException {
        if (any()) {
            throw asException(objectName);
        }
    }
}
