package org.learningmap.organisations;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import org.learningmap.shared.LocalizedText;

/** A place where an organisation's sessions happen. */
record Venue(long id, long siteId, long organisationId, Long areaId, VenueKind kind, LocalizedText name, String address,
             String town, double lat, double lon, Map<DayOfWeek, String> openingHours, Set<AccessibilityFact> accessibility) {

    VenueSummary summary() {
        return new VenueSummary(id, organisationId, siteId, name, address, town, lat, lon, areaId, accessibility);
    }
}
