package org.learningmap.map;

import java.util.List;
import org.learningmap.sites.Site;

/**
 * Turns what a person typed ("Kaunas", "Laisvės al. 57") into places on the site's map. The
 * default looks only in the site's own gazetteer and venues ({@link GazetteerGeocoder}); a
 * deployment may provide its own bean, for example an adapter to an external geocoding service.
 */
public interface Geocoder {

    /**
     * Places matching the text, best first, at most {@code limit}; empty when nothing matches.
     * Typos and missing diacritics are allowed for.
     */
    List<Place> find(Site site, String typed, String language, int limit);
}
