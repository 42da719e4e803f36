package org.learningmap.network;

import java.time.Instant;

/**
 * A volunteer's approved hours on a site passed a milestone (10, 50, 100 hours); published once per
 * milestone, for example to award a badge.
 */
public record VolunteerMilestoneReached(long siteId, long volunteerAccountId, int hours, Instant at) {
}
