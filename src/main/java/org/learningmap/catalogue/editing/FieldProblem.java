package org.learningmap.catalogue.editing;

import java.util.List;

/**
 * One thing wrong with what a person entered: the field (as named in forms and the API, e.g.
 * {@code title.lt}, {@code minAge}), the message key and its arguments.
 */
record FieldProblem(String field, String key, List<Object> args) {

    FieldProblem {
        args = List.copyOf(args);
    }

    static FieldProblem of(String field, String key, Object... args) {
        return new FieldProblem(field, key, List.of(args));
    }
}
