package org.learningmap.enrolment;

import java.time.Instant;
import org.learningmap.shared.LocalizedText;

/**
 * One of a person's sign-ups as they see it: what and when ({@code startsAt} of the session, or of
 * the first session for a whole course), where it stands, and their place in the queue if waiting.
 * {@code sessionId} is {@code null} for a sign-up that covers the whole activity.
 */
public record MyEnrolment(long id, long siteId, long activityId, Long sessionId, LocalizedText activityTitle,
                          Instant startsAt, Instant endsAt, LocalizedText venueName, String address, boolean online,
                          EnrolmentStatus status, Integer position, CancelledBy cancelledBy, String cancelReason,
                          Instant createdAt) {

    public boolean active() {
        return status != EnrolmentStatus.CANCELLED;
    }
}
