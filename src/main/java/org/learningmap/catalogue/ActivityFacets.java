package org.learningmap.catalogue;

import java.util.List;

/**
 * What an activity is about and for, as reports need it: its topics (ids of the site's vocabulary,
 * ascending), its audiences, and the venue of its first in-person session ({@code null} when it has
 * none, e.g. an online course).
 */
public record ActivityFacets(long activityId, long siteId, long organisationId, List<Long> topicIds, List<Audience> audiences,
                             Long venueId) {
}
