package org.learningmap.recognition;

import java.time.Instant;
import java.util.UUID;

/**
 * A badge awarded to a person.
 *
 * @param accountId   the learner, {@code null} for an award to an e-mail address without an account yet
 * @param language    the language the award was made in (the learner's)
 * @param statusIndex the award's unique position (per site) in the revocation status list
 */
public record Award(long id, UUID publicId, long badgeId, long siteId, long organisationId, Long accountId, String recipientEmail,
                    String recipientName, AwardPath path, String narrative, String evidenceUrl, String language, Instant issuedAt,
                    Instant expiresAt, Instant revokedAt, String revocationReason, int statusIndex) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** True when the award has an end of validity and it has passed at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
