/**
 * Recognition: badges for activities, playlists and skills, awards earned by several paths, Open
 * Badges 3.0 and 2.0 credentials, verification, revocation, playlists and the learner's portfolio.
 *
 * <p>Publishes {@link org.learningmap.recognition.BadgeAwarded} and
 * {@link org.learningmap.recognition.AwardRevoked}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition")
package org.learningmap.recognition;
