package org.learningmap.accounts;

import java.time.Instant;

/** A recorded consent; {@code withdrawnAt} is set once it is withdrawn. */
public record ConsentRecord(long id, long accountId, long siteId, ConsentPurpose purpose, ConsentMethod method,
                            String witnessName, String guardianName, String guardianContact, Long recordedBy,
                            Instant givenAt, Instant withdrawnAt) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
