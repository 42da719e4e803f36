package org.learningmap.catalogue;

import java.util.Map;

/**
 * A picture for each topic of the seeded vocabularies, shown in the easy-read view so that a topic
 * can be recognised without reading. A topic a site adds itself gets the open book.
 */
final class Pictograms {

    private static final String DEFAULT = "📖";

    private static final Map<String, String> BY_SLUG = Map.ofEntries(
            Map.entry("digital-skills", "💻"),
            Map.entry("e-government", "🏛️"),
            Map.entry("online-safety", "🔒"),
            Map.entry("languages", "🗣️"),
            Map.entry("culture", "🎭"),
            Map.entry("stem", "🔬"),
            Map.entry("arts", "🎨"),
            Map.entry("sport", "⚽"),
            Map.entry("career", "💼"),
            Map.entry("citizenship", "🤝"),
            Map.entry("media-literacy", "📰"),
            Map.entry("reading", "📚"));

    private Pictograms() {
    }

    static String of(String slug) {
        return BY_SLUG.getOrDefault(slug, DEFAULT);
    }
}
