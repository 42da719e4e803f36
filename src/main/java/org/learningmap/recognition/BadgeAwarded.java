package org.learningmap.recognition;

import java.time.Instant;

/**
 * A badge was awarded (published once per award; a retried award publishes nothing).
 *
 * @param accountId the learner, or {@code null} for an award to an e-mail address without an account yet
 */
public record BadgeAwarded(long awardId, long badgeId, long siteId, long organisationId, Long accountId,
                           AwardPath path, Instant at) {
}
