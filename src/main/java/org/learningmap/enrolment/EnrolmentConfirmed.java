package org.learningmap.enrolment;

import java.time.Instant;

/**
 * A person signed up and has a place. (Moving up from the waitlist is {@link WaitlistPromoted}.)
 * {@code sessionId} is {@code null} when the sign-up covers the whole activity (a course or camp);
 * {@code accountId} is the person's account.
 */
public record EnrolmentConfirmed(long enrolmentId, long siteId, long organisationId, long activityId, Long sessionId,
                                 Long accountId, EnrolmentSource source, Instant at) {
}
