package org.learningmap.organisations;

import java.util.Set;
import org.learningmap.shared.LocalizedText;

/** A venue as other modules see it: where it is, whose it is, and what makes it accessible. */
public record VenueSummary(long id, long organisationId, long siteId, LocalizedText name, String address, String town,
                           double lat, double lon, Long areaId, Set<AccessibilityFact> accessibility) {
}
