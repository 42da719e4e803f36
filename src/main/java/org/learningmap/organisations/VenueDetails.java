package org.learningmap.organisations;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import org.learningmap.shared.LocalizedText;

/** A venue's checked contents, as entered on the staff page or sent to the API. */
record VenueDetails(VenueKind kind, LocalizedText name, String address, String town, Long areaId, double lat, double lon,
                    Map<DayOfWeek, String> openingHours, Set<AccessibilityFact> accessibility) {
}
