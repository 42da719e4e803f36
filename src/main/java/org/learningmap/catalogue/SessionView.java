package org.learningmap.catalogue;

import java.time.Instant;
import org.learningmap.shared.LocalizedText;

/**
 * A session as the public sees it: when, where (a venue or online), and whether it was cancelled.
 * The online meeting link is read for those who may see it and never shown on public pages.
 */
record SessionView(long id, long activityId, Instant startsAt, Instant endsAt, Long venueId, LocalizedText venueName,
                   String address, String town, String onlineUrl, boolean cancelled, Integer capacity) {

    public boolean online() {
        return venueId == null;
    }
}
