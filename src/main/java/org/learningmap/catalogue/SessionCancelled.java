package org.learningmap.catalogue;

import java.time.Instant;

/** A session will not take place; it stays visible as cancelled. People signed up for it should be told. */
public record SessionCancelled(long sessionId, long activityId, long siteId, Instant startsAt) {
}
