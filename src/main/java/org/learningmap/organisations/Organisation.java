package org.learningmap.organisations;

import java.time.Instant;
import org.learningmap.shared.LocalizedText;

/** A learning provider on one site, with its profile and the coordinator's decision on its application. */
record Organisation(long id, long siteId, String slug, OrganisationKind kind, LocalizedText name, LocalizedText description,
                    String email, String phone, String website, boolean verified, OrganisationStatus status,
                    String decisionReason, Instant decidedAt, Long decidedBy, Instant createdAt) {

    public boolean isPending() {
        return status == OrganisationStatus.PENDING;
    }

    public boolean isApproved() {
        return status == OrganisationStatus.APPROVED;
    }

    public boolean isRejected() {
        return status == OrganisationStatus.REJECTED;
    }
}
