package org.learningmap.assessment;

import java.util.List;
import java.util.Optional;
import org.learningmap.shared.LocalizedText;

/**
 * One question of the item bank, tagged with its competence, band and difficulty. Objective items
 * have a key ({@link #answer}); self-ratings are answered on a scale of 0 (I cannot do this yet) to 3
 * (I can, and I could help others). For "order the steps" the key is the options' ids in the right
 * order, and the options are shown in the order of their ids.
 */
record Item(String id, String competence, Kind kind, Band band, int difficulty, LocalizedText text, List<Option> options,
            List<String> answer) {

    static final int SELF_MAX = 3;

    enum Kind { SELF, CHOICE, TRUE_FALSE, ORDER, SAFE_SCREEN }

    record Option(String id, LocalizedText text, String image) {
    }

    Item {
        options = options == null ? List.of() : List.copyOf(options);
        answer = answer == null ? List.of() : List.copyOf(answer);
    }

    String area() {
        return competence.substring(0, competence.indexOf('.'));
    }

    public boolean objective() {
        return kind != Kind.SELF;
    }

    /** The options as a person sees them: in the order of their ids. */
    public List<Option> shown() {
        return options.stream().sorted(java.util.Comparator.comparing(Option::id)).toList();
    }

    Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** Whether a response to an objective item is right; a self-rating is never "right". */
    boolean correct(List<String> response) {
        return objective() && response != null && response.equals(answer);
    }

    /** A well-formed response for this item, or empty when what was sent cannot be an answer to it. */
    Optional<List<String>> accept(List<String> response) {
        if (response == null || response.isEmpty() || response.stream().anyMatch(r -> r == null || r.isBlank())) {
            return Optional.empty();
        }
        return switch (kind) {
            case SELF -> response.size() == 1 && response.get(0).matches("[0-" + SELF_MAX + "]")
                    ? Optional.of(response) : Optional.empty();
            case TRUE_FALSE -> response.size() == 1 && List.of("true", "false").contains(response.get(0))
                    ? Optional.of(response) : Optional.empty();
            case CHOICE, SAFE_SCREEN -> response.size() == 1 && option(response.get(0)).isPresent()
                    ? Optional.of(response) : Optional.empty();
            case ORDER -> response.size() == options.size() && response.stream().distinct().count() == options.size()
                    && response.stream().allMatch(r -> option(r).isPresent()) ? Optional.of(response) : Optional.empty();
        };
    }
}
