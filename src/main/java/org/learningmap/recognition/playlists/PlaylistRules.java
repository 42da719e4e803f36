package org.learningmap.recognition.playlists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of a playlist's items count for a person. An item counts when its activity was done, its
 * prerequisite (if any) was done no later than it was last done, and, in an ordered playlist, the
 * item before it counts and was done no later. The playlist is complete when enough items count.
 */
final class PlaylistRules {

    /** When a person first and last did an activity. */
    record Done(Instant first, Instant last) {
    }

    /** One item as a person sees it: done at all, counted, and what it waits for when it does not count. */
    record ItemState(Playlist.Item item, boolean done, boolean counts, Long waitsFor) {
    }

    private PlaylistRules() {
    }

    static List<ItemState> states(Playlist playlist, Map<Long, Done> done) {
        List<ItemState> states = new ArrayList<>();
        ItemState previous = null;
        for (Playlist.Item item : playlist.items()) {
            Done mine = done.get(item.activityId());
            Long waitsFor = null;
            if (item.requiresActivityId() != null && !doneBefore(done.get(item.requiresActivityId()), mine)) {
                waitsFor = item.requiresActivityId();
            }
            if (waitsFor == null && playlist.ordered() && previous != null
                    && !(previous.counts() && doneBefore(done.get(previous.item().activityId()), mine))) {
                waitsFor = previous.item().activityId();
            }
            ItemState state = new ItemState(item, mine != null, mine != null && waitsFor == null, waitsFor);
            states.add(state);
            previous = state;
        }
        return states;
    }

    static boolean complete(Playlist playlist, Map<Long, Done> done) {
        if (playlist.items().isEmpty()) {
            return false;
        }
        return states(playlist, done).stream().filter(ItemState::counts).count() >= playlist.required();
    }

    /** The prerequisite was done first: before (or when) the item was last done. Not done yet: nothing to compare. */
    private static boolean doneBefore(Done prerequisite, Done item) {
        if (prerequisite == null) {
            return false;
        }
        return item == null || !prerequisite.first().isAfter(item.last());
    }
}
