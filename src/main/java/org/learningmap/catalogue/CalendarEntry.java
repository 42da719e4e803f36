package org.learningmap.catalogue;

import java.time.Instant;
import org.learningmap.shared.LocalizedText;

/**
 * One session as a calendar event: what, when, where, and whether it was cancelled or is only
 * tentative (a place on the waitlist).
 */
record CalendarEntry(long sessionId, long activityId, long siteId, LocalizedText title, LocalizedText summary,
                     Instant startsAt, Instant endsAt, Long venueId, LocalizedText venueName, String address,
                     String town, boolean cancelled, boolean tentative) {

    boolean online() {
        return venueId == null;
    }

    CalendarEntry tentative(boolean value) {
        return new CalendarEntry(sessionId, activityId, siteId, title, summary, startsAt, endsAt, venueId, venueName,
                address, town, cancelled, value);
    }

    CalendarEntry asCancelled() {
        return new CalendarEntry(sessionId, activityId, siteId, title, summary, startsAt, endsAt, venueId, venueName,
                address, town, true, tentative);
    }
}
