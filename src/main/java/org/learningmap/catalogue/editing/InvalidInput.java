package org.learningmap.catalogue.editing;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.validation.BindException;
import org.springframework.validation.MapBindingResult;

/**
 * Input that broke one or more field rules. It is a {@link BindException}, so the API answers it as
 * a 400 problem detail with one message per field; pages show the messages beside the fields.
 */
class InvalidInput extends BindException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    InvalidInput(List<FieldProblem> problems) {
        super(bindingResult(problems));
        this.problems = List.copyOf(problems);
    }

    InvalidInput(FieldProblem problem) {
        this(List.of(problem));
    }

    List<FieldProblem> problems() {
        return problems;
    }

    private static MapBindingResult bindingResult(List<FieldProblem> problems) {
        var result = new MapBindingResult(new LinkedHashMap<>(), "input");
        for (FieldProblem problem : problems) {
            result.rejectValue(problem.field(), problem.key(), problem.args().toArray(), problem.key());
        }
        return result;
    }
}
