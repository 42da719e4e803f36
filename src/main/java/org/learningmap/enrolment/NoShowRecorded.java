package org.learningmap.enrolment;

import java.time.Instant;

/** A person with a confirmed place did not come: staff finished the session's roster without marking them present. */
public record NoShowRecorded(long siteId, long organisationId, long activityId, long sessionId, Long accountId, Instant at) {
}
