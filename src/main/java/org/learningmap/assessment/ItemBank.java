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
 * The items the check asks now. First read from {@code assessment/items.json}, a versioned file; in the
 * running application {@link ItemVersions} then fills it with the current version of every item not
 * retired, and again after each edit, so routing and scoring always work from the current versions.
 * Results keep the bank version and, for each answer, the exact item version asked.
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
    private final List<Item> fromFile;
    private volatile Map<String, Item> items;
    private volatile Map<String, Integer> versions = Map.of();
    private volatile int revision;

    ItemBank() {
        this("assessment/items.json");
    }

    ItemBank(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Data data = Json.mapper().readValue(in, Data.class);
            version = data.version();
            fromFile = data.items().stream().map(RawItem::item).toList();
            Map<String, Item> read = new LinkedHashMap<>();
            fromFile.forEach(item -> read.put(item.id(), item));
            items = read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a bank with some items in other versions: those a person was asked, edited since. */
    ItemBank(ItemBank base, Map<String, Item> asked) {
        version = base.version;
        fromFile = base.fromFile;
        Map<String, Item> copy = new LinkedHashMap<>();
        base.items.forEach((id, item) -> copy.put(id, asked.getOrDefault(id, item)));
        items = copy;
        versions = base.versions;
    }

    String version() {
        return version;
    }

    /** The items as written in the file, in its order. */
    List<Item> fromFile() {
        return fromFile;
    }

    /** Puts these items (the current version of each, retired ones left out) in place of those asked so far. */
    synchronized void replace(List<Item> current, Map<String, Integer> currentVersions) {
        Map<String, Item> next = new LinkedHashMap<>();
        current.forEach(item -> next.put(item.id(), item));
        items = next;
        versions = Map.copyOf(currentVersions);
        revision++;
    }

    /** Counts the replacements, so whoever derives from the items knows when to derive again. */
    int revision() {
        return revision;
    }

    /** The version of an item asked now: 1 while the items come from the file. */
    int versionOf(String id) {
        return versions.getOrDefault(id, 1);
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
