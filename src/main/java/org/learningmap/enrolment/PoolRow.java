package org.learningmap.enrolment;

/** A row of {@code place_pool}: a session's places, or a whole activity's ({@code sessionId} null). */
record PoolRow(long id, long siteId, long organisationId, long activityId, Long sessionId, Integer capacity, int confirmed) {
}
