package org.learningmap.recognition;

import java.time.Instant;

/** An award was revoked by its issuer, with the reason shown on its verification page. */
public record AwardRevoked(long awardId, long badgeId, long siteId, long organisationId, Long accountId,
                           String reason, Instant at) {
}
