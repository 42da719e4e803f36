package org.learningmap.sites;

import org.learningmap.shared.LocalizedText;

/** A municipality, county or oblast of a site, with its population for reach reports. */
public record Area(long id, long siteId, String code, LocalizedText name, int population, Double lat, Double lon) {
}
