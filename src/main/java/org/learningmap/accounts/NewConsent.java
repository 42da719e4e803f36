package org.learningmap.accounts;

/**
 * A consent to record.
 *
 * @param recordedBy      the account that recorded it: the person, or staff at a desk
 * @param witnessName     required when {@link ConsentMethod#SPOKEN_WITH_WITNESS}
 * @param guardianName    the guardian who consented, for a minor; otherwise {@code null}
 * @param guardianContact how to reach that guardian (e-mail or phone), optional
 */
public record NewConsent(long accountId, long siteId, ConsentPurpose purpose, ConsentMethod method, String witnessName,
                         String guardianName, String guardianContact, long recordedBy) {
}
