package org.learningmap.enrolment;

import java.time.Instant;

/**
 * A person was present at a session. {@code accountId} is {@code null} for a walk-in without an
 * account. Published once per person and session: marking someone present again publishes nothing.
 */
public record AttendanceRecorded(long siteId, long organisationId, long activityId, long sessionId, Long accountId,
                                 AttendanceMethod method, Instant at) {
}
