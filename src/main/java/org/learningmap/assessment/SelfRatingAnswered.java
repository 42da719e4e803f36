package org.learningmap.assessment;

import java.time.Instant;

/**
 * A learner's before or after self-rating was saved (on their phone or typed in from paper). It names
 * nobody: only the rating, its activity and the scores (0–10 on each of the rating's competences).
 *
 * @param phase  {@code BEFORE} or {@code AFTER}
 * @param scores how many competences were rated
 * @param total  the sum of those scores
 */
public record SelfRatingAnswered(long ratingId, long siteId, long organisationId, long activityId, Long sessionId, String phase,
                                 int scores, int total, Instant at) {
}
