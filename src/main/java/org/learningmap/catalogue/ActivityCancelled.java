package org.learningmap.catalogue;

import java.time.Instant;

/** An activity was cancelled; its sessions that had not started were cancelled with it. */
public record ActivityCancelled(long activityId, long siteId, long organisationId, Instant cancelledAt) {
}
