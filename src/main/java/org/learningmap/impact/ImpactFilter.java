package org.learningmap.impact;

import java.time.YearMonth;

/**
 * What a dashboard shows: one site, the months from {@code from} to {@code to} (both included), and
 * optionally one area, topic, audience and organisation.
 */
public record ImpactFilter(long siteId, YearMonth from, YearMonth to, Long areaId, Long topicId, String audience, Long organisationId) {

    public ImpactFilter withoutArea() {
        return new ImpactFilter(siteId, from, to, null, topicId, audience, organisationId);
    }

    public boolean byProfile() {
        return topicId != null || audience != null;
    }
}
