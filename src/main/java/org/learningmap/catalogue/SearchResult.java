package org.learningmap.catalogue;

import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param facets    counts per facet ({@code topic, audience, language, kind, mode, free}) and value
 * @param changesAt the first moment at which time alone (a session ending) can change this answer; null when
 *                  nothing but a change to the catalogue can
 */
record SearchResult(List<ActivityCard> items, long total, int page, int size, Map<String, List<FacetCount>> facets,
                    SearchFilters filters, java.time.Instant changesAt) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
