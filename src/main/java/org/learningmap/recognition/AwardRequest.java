package org.learningmap.recognition;

/**
 * What to award to whom. {@code accountId} or {@code recipientEmail} is required.
 *
 * @param awardedBy      the staff member awarding, {@code null} for an automatic award
 * @param idempotencyKey the same key twice awards once (e.g. {@code attendance:<badge>:<account>}); may be {@code null}
 */
public record AwardRequest(long badgeId, Long accountId, String recipientEmail, String recipientName, AwardPath path,
                           String narrative, String evidenceUrl, Long awardedBy, String idempotencyKey) {
}
