package org.learningmap.enrolment;

import java.time.Instant;

/** A row of {@code enrolment} as this module's code works with it. */
record EnrolmentRow(long id, long poolId, long siteId, long organisationId, long activityId, Long sessionId,
                    Long accountId, EnrolmentStatus status, EnrolmentSource source, String answers,
                    Instant createdAt, CancelledBy cancelledBy, String cancelReason) {
}
