package org.learningmap.accounts;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long a site keeps personal data, in months; {@code null} means keep (where the site's law
 * allows). Answers to registration questions and accessibility needs always have a limit.
 *
 * @param inactiveMonths  an account with no sign-in and no booking for this long is deleted (after a warning)
 * @param unclaimedMonths an account made at a desk and never taken over by its person is deleted after this long
 * @param answersMonths   answers to registration questions are cleared this long after the session ended
 * @param evidenceMonths  files sent as evidence for a badge are removed this long after they were reviewed
 */
public record RetentionRules(long siteId, Integer inactiveMonths, Integer unclaimedMonths, int answersMonths,
                             Integer evidenceMonths) {

    public static final int DEFAULT_INACTIVE = 36;
    public static final int DEFAULT_UNCLAIMED = 12;
    public static final int DEFAULT_ANSWERS = 6;
    public static final int DEFAULT_EVIDENCE = 24;

    static RetentionRules defaults(long siteId) {
        return new RetentionRules(siteId, DEFAULT_INACTIVE, DEFAULT_UNCLAIMED, DEFAULT_ANSWERS, DEFAULT_EVIDENCE);
    }

    /** The moment {@code months} months before {@code now} (calendar months, in UTC). */
    public static Instant monthsBefore(Instant now, int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
