package org.learningmap.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The items of the check, read from {@code assessment/items.json}, a versioned file: a changed or new
 * item means a new bank version. Results keep the bank version and each answer by item id, so an
 * item retired from a later version still explains an old result.
 */
@Component
class ItemBank {

    record Data(String version, List<RawItem> items) {
    }

    record RawItem(String id, String competence, Item.Kind kind, Band band, int difficulty, Map<String, String> text,
                   List<RawOption> options, List<String> answer) {
        Item item() {
            return new Item(id, competence, kind, band, difficulty, new LocalizedText(text),
                    options == null ? List.of() : options.stream()
                            .map(o -> new Item.Option(o.id(), new LocalizedText(o.text()), o.image())).toList(),
                    answer);
        }
    }

    record RawOption(String id, Map<String, String> text, String image) {
    }

    private final String version;
    private final Map<String, Item> items = new LinkedHashMap<>();

    ItemBank() {
        this("assessment/items.json");
    }

    ItemBank(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Data data = Json.mapper().readValue(in, Data.class);
            version = data.version();
            data.items().forEach(raw -> items.put(raw.id(), raw.item()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return version;
    }

    Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    List<Item> all() {
        return List.copyOf(items.values());
    }

    List<Item> ofCompetence(String code) {
        return items.values().stream().filter(i -> i.competence().equals(code)).toList();
    }

    /** The objective item of a competence in a band, or the first self-rating for {@code null}. */
    Item pick(String competence, Item.Kind kind, Band band) {
        return items.values().stream()
                .filter(i -> i.competence().equals(competence) && (kind == Item.Kind.SELF ? i.kind() == Item.Kind.SELF : i.objective()))
                .filter(i -> band == null || i.band() == band)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the item bank lacks a " + band + " item for " + competence));
    }
}
