package org.learningmap.catalogue;

import org.learningmap.shared.LocalizedText;

/** What other modules need to know of one activity, whatever its status: whose it is, what it is and whether it is public. */
public record ActivityFacts(long id, long siteId, long organisationId, ActivityKind kind, ActivityStatus status,
                            LocalizedText title, LocalizedText organisationName) {

    public boolean published() {
        return status == ActivityStatus.PUBLISHED;
    }
}
