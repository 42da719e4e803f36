package org.learningmap.catalogue;

import java.time.Instant;

/** An activity became visible to the public on its site. */
public record ActivityPublished(long activityId, long siteId, long organisationId, Instant publishedAt) {
}
