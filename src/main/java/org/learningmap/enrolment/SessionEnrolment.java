package org.learningmap.enrolment;

import java.time.Instant;
import java.util.Map;

/**
 * A sign-up as the organisation's staff see it: who (null name and e-mail once the account was
 * deleted), how it was made, where it stands, the answers to the registration questions by
 * question key. {@code sessionId} is {@code null} for a sign-up that covers the whole activity.
 */
public record SessionEnrolment(long id, Long accountId, String displayName, String email, Long sessionId,
                               EnrolmentStatus status, Integer position, EnrolmentSource source,
                               Map<String, String> answers, Instant createdAt, CancelledBy cancelledBy,
                               String cancelReason) {
}
