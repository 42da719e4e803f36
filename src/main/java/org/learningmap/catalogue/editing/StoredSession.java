package org.learningmap.catalogue.editing;

import java.time.Instant;

/** A session as stored; {@code seriesRule} is the RRULE of the series it was generated from, if any. */
record StoredSession(long id, long activityId, Long venueId, String onlineUrl, Instant startsAt, Instant endsAt,
                     Integer capacity, boolean cancelled, String seriesRule) {

    boolean isFuture(Instant now) {
        return startsAt.isAfter(now);
    }
}
