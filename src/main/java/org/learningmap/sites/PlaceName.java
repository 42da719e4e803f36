package org.learningmap.sites;

import org.learningmap.shared.GeoPoint;

/** A town of the site's gazetteer (GeoNames), found by what a person types. */
public record PlaceName(long id, String name, Long areaId, int population, GeoPoint point) {
}
