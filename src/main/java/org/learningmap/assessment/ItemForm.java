package org.learningmap.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.shared.LocalizedText;

/**
 * What a coordinator types to edit an item, kept exactly as typed so nothing is lost when the page
 * comes back with errors or a preview: the question in each language, the options (each in each
 * language), the correct answer, the band and the difficulty. The kind of an item is not edited.
 */
record ItemForm(Map<String, String> text, List<OptionRow> options, String answer, String band, String difficulty) {

    static final List<String> LANGUAGES = List.of("en", "lt", "uk");
    static final int MAX_TEXT = 400;

    /** One option as typed; {@code id} is its letter, {@code image} the picture of a "which screen is safe" option. */
    record OptionRow(String id, Map<String, String> text, String image) {

        boolean blank() {
            return LANGUAGES.stream().allMatch(l -> text.getOrDefault(l, "").isBlank());
        }
    }

    static ItemForm of(Item item) {
        List<OptionRow> rows = new ArrayList<>();
        item.shown().forEach(o -> rows.add(new OptionRow(o.id(), texts(o.text()), o.image())));
        if (item.kind() == Item.Kind.CHOICE) {
            rows.add(new OptionRow(nextLetter(rows), texts(LocalizedText.EMPTY), null));
        }
        String answer = item.kind() == Item.Kind.ORDER ? String.join(" ", item.answer())
                : item.answer().isEmpty() ? "" : item.answer().get(0);
        return new ItemForm(texts(item.text()), rows, answer, item.band().name(), String.valueOf(item.difficulty()));
    }

    /** The form as sent; the options come from the current version, so no option can be made up. */
    static ItemForm read(Item current, Map<String, String[]> parameters) {
        Map<String, String> text = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> text.put(l, value(parameters, "text." + l)));
        List<OptionRow> rows = new ArrayList<>();
        for (OptionRow known : of(current).options()) {
            Map<String, String> typed = new LinkedHashMap<>();
            LANGUAGES.forEach(l -> typed.put(l, value(parameters, "option." + known.id() + "." + l)));
            rows.add(new OptionRow(known.id(), typed, known.image()));
        }
        return new ItemForm(text, rows, value(parameters, "answer").strip(), value(parameters, "band"),
                value(parameters, "difficulty").strip());
    }

    /** The item this form describes, as far as it can be read (for a preview even with errors left). */
    Item toItem(Item current) {
        Band chosenBand = parseBand(band);
        int chosenDifficulty = parseDifficulty(difficulty);
        List<Item.Option> kept = options.stream().filter(o -> !o.blank())
                .map(o -> new Item.Option(o.id(), new LocalizedText(o.text()), o.image())).toList();
        List<String> key = switch (current.kind()) {
            case SELF -> List.of();
            case ORDER -> List.of(answer.toLowerCase(java.util.Locale.ROOT).split("[\\s,;]+")).stream().filter(s -> !s.isBlank()).toList();
            default -> answer.isBlank() ? List.of() : List.of(answer);
        };
        return new Item(current.id(), current.competence(), current.kind(), chosenBand == null ? current.band() : chosenBand,
                chosenDifficulty == 0 ? current.difficulty() : chosenDifficulty, new LocalizedText(text), kept, key);
    }

    /** Each field with a problem, and the message key saying what to fix. */
    Map<String, String> errors(Item current) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String typed = text.getOrDefault(language, "");
            if (typed.isBlank()) {
                errors.put("text." + language, "assessment.items.error.text-missing");
            } else if (typed.length() > MAX_TEXT) {
                errors.put("text." + language, "assessment.items.error.too-long");
            }
        }
        for (OptionRow row : options) {
            if (row.blank() && current.kind() == Item.Kind.CHOICE) {
                continue;
            }
            for (String language : LANGUAGES) {
                String typed = row.text().getOrDefault(language, "");
                if (typed.isBlank()) {
                    errors.put("option." + row.id() + "." + language, "assessment.items.error.option-missing");
                } else if (typed.length() > MAX_TEXT) {
                    errors.put("option." + row.id() + "." + language, "assessment.items.error.too-long");
                }
            }
        }
        Item item = toItem(current);
        if (current.kind() == Item.Kind.CHOICE && item.options().size() < 2) {
            errors.put("options", "assessment.items.error.too-few-options");
        }
        switch (current.kind()) {
            case SELF -> { }
            case TRUE_FALSE -> {
                if (!List.of("true", "false").contains(answer)) {
                    errors.put("answer", "assessment.items.error.answer-true-false");
                }
            }
            case ORDER -> {
                List<String> ids = item.options().stream().map(Item.Option::id).sorted().toList();
                if (!item.answer().stream().sorted().toList().equals(ids)) {
                    errors.put("answer", "assessment.items.error.answer-order");
                }
            }
            default -> {
                if (item.answer().isEmpty() || item.option(item.answer().get(0)).isEmpty()) {
                    errors.put("answer", "assessment.items.error.answer-not-an-option");
                }
            }
        }
        if (parseBand(band) == null) {
            errors.put("band", "assessment.items.error.band");
        }
        if (parseDifficulty(difficulty) == 0) {
            errors.put("difficulty", "assessment.items.error.difficulty");
        }
        return errors;
    }

    private static Band parseBand(String band) {
        for (Band b : Band.values()) {
            if (b.name().equals(band)) {
                return b;
            }
        }
        return null;
    }

    private static int parseDifficulty(String difficulty) {
        return difficulty != null && difficulty.matches("[1-5]") ? Integer.parseInt(difficulty) : 0;
    }

    private static Map<String, String> texts(LocalizedText text) {
        Map<String, String> texts = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> texts.put(l, text.values().getOrDefault(l, "")));
        return texts;
    }

    private static String nextLetter(List<OptionRow> rows) {
        char last = rows.stream().map(r -> r.id().charAt(0)).max(Character::compare).orElse('`');
        return String.valueOf((char) (last + 1));
    }

    private static String value(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }
}
