/**
 * Ways to earn a badge besides attendance: an educator awards one person or a whole session's
 * attendees ({@code /staff/badges/{id}/award}); a CSV file awards many people in the background
 * with a row-by-row report; staff open a time-limited claim code shown as a QR in the room and
 * learners claim at {@code /badges/claim/{code}} (the page shows the badge; a "Claim this badge" button, a
 * POST, awards it; unknown codes are counted per client address and per account, and too many answer
 * 429); learners submit evidence
 * ({@code /account/badges/evidence}) that the organisation (or peers, or the learner themselves,
 * per badge) approves or sends back with comments.
 *
 * <p>Every award goes through {@link org.learningmap.recognition.Recognition#award} with an
 * idempotency key, so a double click, a retried row or a second claim never awards twice. Staff
 * pages are for staff (educator or above) of the badge's organisation; anyone else gets 403.
 * Owns the tables {@code bulk_award_job}, {@code bulk_award_row}, {@code badge_claim},
 * {@code badge_claim_use}, {@code badge_evidence_setting}, {@code evidence_submission} and
 * {@code evidence_event}.
 */
package org.learningmap.recognition.earning;
