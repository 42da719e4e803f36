package org.learningmap.catalogue;

import java.time.Instant;
import org.learningmap.shared.LocalizedText;

/**
 * What other modules need to know of one session: whose it is, what it belongs to, when and where it
 * takes place, how many places it has ({@code null}: no limit) and whether it still takes place.
 * {@code registration} tells whether people sign up for this session alone or once for the whole
 * activity (a course: several sessions, one registration).
 */
public record SessionFacts(long sessionId, long activityId, long organisationId, long siteId,
                           ActivityKind kind, ActivityStatus activityStatus, LocalizedText activityTitle,
                           Instant startsAt, Instant endsAt, Long venueId, LocalizedText venueName, String address,
                           String onlineUrl, Integer capacity, boolean cancelled) {

    /** Whether one sign-up covers every session of the activity. */
    public boolean wholeActivityRegistration() {
        return kind == ActivityKind.COURSE || kind == ActivityKind.CAMP;
    }

    /** Whether people may sign up now: a published activity and a session that still takes place. */
    public boolean open(Instant now) {
        return activityStatus == ActivityStatus.PUBLISHED && !cancelled && endsAt.isAfter(now);
    }
}
