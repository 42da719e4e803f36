package org.learningmap.catalogue.editing;

import java.time.Instant;

/**
 * Where and for how many people sessions take place: a venue of the organisation or an online link
 * (exactly one), and an optional capacity.
 */
record SessionPlan(Long venueId, String onlineUrl, Integer capacity) {
}
