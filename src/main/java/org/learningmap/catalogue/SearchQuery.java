package org.learningmap.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.sites.PlaceName;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;

/**
 * A search as a request asks for it, read the same way by the search page and the API: the
 * {@link SearchFilters}, the page, and a town typed as the place to measure distance from. Each
 * parameter that could not be understood is named with a message key; the rest still applies.
 *
 * @param place the town typed, as typed; {@code filters.near()} holds where it was found
 */
record SearchQuery(SearchFilters filters, int page, String place, Map<String, String> errors) {

    static final int MAX_PLACE = 100;

    static SearchQuery read(Map<String, String[]> parameters, Site site, Sites sites) {
        SearchFilters.Parsed parsed = SearchFilters.parse(parameters);
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        SearchFilters filters = parsed.filters();
        int page = 1;
        String pageValue = first(parameters, "page");
        if (pageValue != null) {
            try {
                page = Integer.parseInt(pageValue);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1 || page > ActivitySearch.MAX_PAGE) {
                errors.put("page", "search.error.page");
                page = 1;
            }
        }
        String place = first(parameters, "place");
        if (place != null && place.length() > MAX_PLACE) {
            errors.put("place", "search.error.place-too-long");
            place = place.substring(0, MAX_PLACE);
        }
        if (place != null && filters.near() == null) {
            List<PlaceName> found = sites.findPlaces(site.id(), place, 1);
            if (found.isEmpty()) {
                errors.put("place", "search.error.place");
            } else {
                filters = filters.withNear(found.getFirst().point(), filters.radiusKm());
            }
        }
        boolean nearestAsked = "NEAREST".equalsIgnoreCase(first(parameters, "sort"));
        if (nearestAsked && filters.near() != null) {
            filters = filters.withSort(SearchFilters.Sort.NEAREST);
        } else if (nearestAsked && !errors.containsKey("place")) {
            errors.put("sort", "search.error.nearest-needs-place");
        }
        return new SearchQuery(filters, page, place, errors);
    }

    /** The query's parameters for a link: the filters, the place typed and the sort, without the page. */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>(filters.toParameters());
        if (place != null && !place.isBlank()) {
            parameters.remove("lat");
            parameters.remove("lon");
            parameters.put("place", List.of(place));
        }
        parameters.put("sort", List.of(filters.sort().name().toLowerCase(Locale.ROOT)));
        return parameters;
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
