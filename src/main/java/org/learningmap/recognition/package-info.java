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
 * <p>Badges follow what happens elsewhere ({@code BadgeRules}): a published activity gets its badge
 * (its title, summary, "took part in" criteria in each of its languages, its DigComp competences as
 * alignments, its topics as tags); an activity with no badge yet (loaded in bulk, say) gets one the
 * first time it is asked for. Attendance earns the activity's badge (path ATTENDANCE, key
 * {@code attendance:<badge>:<account>}) once a person attended at least the badge's share of
 * sessions (80 % unless the badge says otherwise): of all sessions that take place for a course or
 * camp, so a course's badge is not earned after its first session; of the sessions held so far for
 * anything else, so a single session is enough for a class or an event. An attendance withdrawn
 * takes the badge back (revoked by the rule, no person recorded, the reason in the award's language)
 * when the holder no longer attended the share; a badge earned another way stays.
 *
 * <p>A skills-check band and a volunteer milestone belong to no provider: the person earned them on
 * the site. Their badges (one per site, framework, area and band; one per site and milestone) are
 * issued by the site's own issuer, an approved organisation standing for the site's network that
 * {@code Organisations.siteIssuer} makes on first use (a fixed slug no applicant can get, no staff;
 * a platform administrator manages its badges). Picking some provider of the site instead would make
 * it vouch for what it never saw; the event carries no organisation to take.
 *
 * <p>An award is personal data: a minor whose guardian has not agreed yet gets none (the automatic
 * rules skip them). A person's awards are in the export of their data; deleting the account revokes
 * them ("The holder deleted their account.") and clears everything that names the person, keeping the
 * rows for the status lists and for other parts of the module that refer to an award.
 *
 * <p>Pages: {@code /staff/badges} (the badges of the organisations the person edits for),
 * {@code /staff/badges/{id}} (the form, the picture, the awards with "revoke"),
 * {@code /staff/activities/{id}/badge} (from an activity's staff page), and in public
 * {@code /badges/{id}}, {@code /badges/{id}/image.png}, {@code /badges/{id}/image.svg} and the HTML
 * issuer profile {@code /issuers/{organisationId}}.
 *
 * <p>Publishes {@link org.learningmap.recognition.BadgeAwarded} and
 * {@link org.learningmap.recognition.AwardRevoked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package org.learningmap.recognition;
