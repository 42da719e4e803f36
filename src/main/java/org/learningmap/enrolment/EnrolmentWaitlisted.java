package org.learningmap.enrolment;

import java.time.Instant;

/**
 * A person joined the waitlist at {@code position} (1: first in line).
 * {@code sessionId} is {@code null} when the sign-up covers the whole activity (a course or camp);
 * {@code accountId} is the person's account.
 */
public record EnrolmentWaitlisted(long enrolmentId, long siteId, long organisationId, long activityId, Long sessionId,
                                  Long accountId, int position, Instant at) {
}
