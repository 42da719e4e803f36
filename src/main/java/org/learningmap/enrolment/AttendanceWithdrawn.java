package org.learningmap.enrolment;

import java.time.Instant;

/** Staff undid a person's presence at a session (tapped by mistake) before finishing the roster. */
public record AttendanceWithdrawn(long siteId, long organisationId, long activityId, long sessionId, Long accountId, Instant at) {
}
