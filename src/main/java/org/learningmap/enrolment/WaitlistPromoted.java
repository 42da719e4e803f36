package org.learningmap.enrolment;

import java.time.Instant;

/**
 * The first person in line got a place that freed; they now have a place.
 * {@code sessionId} is {@code null} when the sign-up covers the whole activity (a course or camp);
 * {@code accountId} is the person's account.
 */
public record WaitlistPromoted(long enrolmentId, long siteId, long organisationId, long activityId, Long sessionId,
                               Long accountId, Instant at) {
}
