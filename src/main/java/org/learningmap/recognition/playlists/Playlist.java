package org.learningmap.recognition.playlists;

import java.util.List;
import java.util.Optional;
import org.learningmap.shared.LocalizedText;

/**
 * Activities put together, with a badge for completing them.
 *
 * @param ordered       the items are done one after the other: an item counts only after the one before it
 * @param requiredCount how many items complete it; {@code null}: all of them
 * @param badgeId       the playlist's badge, made when it is first published
 */
public record Playlist(long id, long siteId, long organisationId, LocalizedText name, LocalizedText description, boolean ordered,
                       Integer requiredCount, boolean published, Long badgeId, List<Item> items) {

    public Playlist {
        items = List.copyOf(items);
    }

    /**
     * One activity of the playlist, at its position.
     *
     * @param requiresActivityId an activity of the same playlist that must be done before this one counts
     */
    public record Item(long activityId, int position, Long requiresActivityId) {
    }

    /** How many counted items complete the playlist. */
    public int required() {
        return requiredCount == null ? items.size() : Math.min(requiredCount, items.size());
    }

    public Optional<Item> item(long activityId) {
        return items.stream().filter(item -> item.activityId() == activityId).findFirst();
    }
}
