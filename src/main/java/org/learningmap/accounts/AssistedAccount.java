package org.learningmap.accounts;

/**
 * An account just made at a desk, with the claim code for the person's card.
 *
 * @param guardianRequired whether the person is below the site's age of digital consent, so a
 *                         guardian's consent must be recorded before anything else is kept
 */
public record AssistedAccount(long accountId, ClaimCode claimCode, boolean guardianRequired) {
}
