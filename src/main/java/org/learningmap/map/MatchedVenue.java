package org.learningmap.map;

import org.learningmap.shared.GeoPoint;
import org.learningmap.shared.LocalizedText;

/**
 * A venue with upcoming scheduled sessions of matching activities.
 *
 * @param activities matching activities with an upcoming session here
 * @param sessions   their upcoming scheduled sessions here
 */
record MatchedVenue(long id, double lon, double lat, LocalizedText name, String town, String address, int activities,
                    int sessions) {

    GeoPoint point() {
        return new GeoPoint(lat, lon);
    }
}
