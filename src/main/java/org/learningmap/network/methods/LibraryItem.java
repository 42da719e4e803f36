package org.learningmap.network.methods;

import java.time.Instant;
import java.util.List;

/**
 * A guide, lesson plan, video lecture, hackathon kit or guideline: a file with versions, or a link.
 *
 * @param downloads downloads of all its versions, plus the times its link was opened
 * @param latest    the number of its newest version, or null for a link
 */
public record LibraryItem(long id, long siteId, long organisationId, LibraryKind kind, String title, String description,
                          String language, List<String> topics, List<String> audiences, String linkUrl, long downloads,
                          Integer latest, Instant updatedAt) {

    public LibraryItem {
        topics = List.copyOf(topics);
        audiences = List.copyOf(audiences);
    }

    public boolean isLink() {
        return linkUrl != null;
    }
}
