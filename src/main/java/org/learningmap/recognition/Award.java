package org.learningmap.recognition;

import java.time.Instant;
import java.util.UUID;

/** A badge given to one person. */
public record Award(long id, UUID publicId, long badgeId, long siteId, long organisationId, Long accountId,
                    String recipientEmail, String recipientName, AwardPath path, String narrative, String evidenceUrl,
                    String language, Instant issuedAt, Instant expiresAt, Instant revokedAt, String revocationReason,
                    int statusIndex) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
