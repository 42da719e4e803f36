package org.learningmap.network.methods;

import java.util.List;

/** An item's details as typed into the form; {@code linkUrl} for a link instead of a file. */
public record LibraryInput(String kind, String title, String description, String language, List<String> topics,
                           List<String> audiences, String linkUrl, String note) {

    public LibraryInput {
        topics = topics == null ? List.of() : List.copyOf(topics);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    public static LibraryInput empty() {
        return new LibraryInput("", "", "", "", List.of(), List.of(), "", "");
    }
}
