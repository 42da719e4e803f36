/**
 * Recognition: badges for activities, playlists and skills, awards earned by several paths, Open
 * Badges 3.0 and 2.0 credentials, verification, revocation, playlists and the learner's portfolio.
 *
 * <p>{@link org.learningmap.recognition.Recognition} is the facade. The module owns the tables
 * {@code badge}, {@code badge_image}, {@code award} and {@code award_status_allocation}.
 *
 * <p>An award is made once. A reused idempotency key, or a badge the person already holds (not
 * revoked, by account or by e-mail address), returns the existing award and publishes nothing. Two
 * requests racing for the same award meet at the unique indexes on {@code award} (the key; one
 * unrevoked award per badge and account, or per badge and address): the insert that loses adds
 * nothing and the winner's award is returned. Each award takes the next position of its site's
 * revocation status list from {@code award_status_allocation}, a counter row per site locked for the
 * length of the award's transaction, so no two awards of a site share a position (a lost race may
 * leave a position unused, which a status list tolerates).
 *
 * <p>Revoking needs an editor or owner of the badge's organisation, or a platform administrator
 * (the signed-in person, as the request carries it); the reason is kept and shown on the award's
 * verification page.
 *
 * <p>Publishes {@link org.learningmap.recognition.BadgeAwarded} and
 * {@link org.learningmap.recognition.AwardRevoked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package org.learningmap.recognition;
