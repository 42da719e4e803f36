package org.learningmap.enrolment;

import java.time.Instant;

/**
 * A sign-up ended; {@code hadPlace} tells whether a place was freed.
 * {@code sessionId} is {@code null} when the sign-up covers the whole activity (a course or camp);
 * {@code accountId} is the person's account.
 */
public record EnrolmentCancelled(long enrolmentId, long siteId, long organisationId, long activityId, Long sessionId,
                                 Long accountId, CancelledBy cancelledBy, boolean hadPlace, Instant at) {
}
