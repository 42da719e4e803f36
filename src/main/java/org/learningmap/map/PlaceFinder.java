package org.learningmap.map;

import java.util.List;
import org.learningmap.sites.Site;
import org.springframework.stereotype.Component;

/** "Near a town or address": what a person typed becomes one place, a few to choose from, or none. */
@Component
class PlaceFinder {

    static final int CANDIDATES = 5;

    sealed interface Resolution permits Found, Choose, NotFound {
    }

    record Found(Place place) implements Resolution {
    }

    record Choose(List<Place> places) implements Resolution {
    }

    record NotFound() implements Resolution {
    }

    private final Geocoder geocoder;

    PlaceFinder(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    /**
     * A place called exactly what was typed (ignoring case and diacritics) wins over similar ones;
     * a single similar place is taken as meant; several are offered to choose from.
     */
    Resolution resolve(Site site, String typed, String language) {
        List<Place> candidates = geocoder.find(site, typed, language, CANDIDATES);
        List<Place> exact = candidates.stream().filter(place -> place.isCalled(typed)).toList();
        if (exact.size() == 1) {
            return new Found(exact.getFirst());
        }
        if (exact.size() > 1) {
            return new Choose(exact);
        }
        if (candidates.size() == 1) {
            return new Found(candidates.getFirst());
        }
        return candidates.isEmpty() ? new NotFound() : new Choose(candidates);
    }
}
