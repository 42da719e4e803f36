package org.learningmap.catalogue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the search templates need beyond the result: links that keep the search, and labels. */
record SearchView(SearchQuery query, SearchResult result, Locale locale, List<Topic> topics) {

    /** "/search?q=…&page=2": the same search, another page. */
    public String pageLink(int page) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(query.parameters());
        if (page > 1) {
            parameters.put("page", List.of(Integer.toString(page)));
        }
        return link("/search", parameters);
    }

    /** The search as a query string, for saving it. */
    public String queryString() {
        String link = link("", query.parameters());
        return link.startsWith("?") ? link.substring(1) : link;
    }

    /** The same words, without any filter. */
    public String clearLink() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query.filters().hasText()) {
            parameters.put("q", List.of(query.filters().text()));
        }
        return link("/search", parameters);
    }

    public boolean filtered() {
        SearchFilters filters = query.filters();
        return !filters.topics().isEmpty() || !filters.audiences().isEmpty() || !filters.languages().isEmpty()
                || !filters.kinds().isEmpty() || filters.mode() != SearchFilters.Mode.ANY || filters.from() != null
                || filters.to() != null || filters.freeOnly() || !filters.accessibility().isEmpty() || filters.age() != null
                || filters.near() != null || filters.organisationId() != null || filters.venueId() != null
                || filters.areaId() != null;
    }

    /** True when a value of the facet is chosen, so its group starts open. */
    public boolean opened(String facet) {
        return result.facets().getOrDefault(facet, List.of()).stream().anyMatch(FacetCount::selected);
    }

    public String resultKey() {
        return result.total() == 0 ? "search.count.none" : Plurals.key("search.count", result.total(), locale);
    }

    public Topic topic(String slug) {
        return topics.stream().filter(topic -> topic.slug().equals(slug)).findFirst().orElse(null);
    }

    public String languageName(String code) {
        return Formats.languageName(code, locale);
    }

    public boolean located() {
        return query.filters().near() != null;
    }

    public String sort() {
        return query.filters().sort().name().toLowerCase(Locale.ROOT);
    }

    /** Form encoding, as a browser submits the search form, so that "+" and "&" in words survive. */
    static String link(String path, Map<String, List<String>> parameters) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                link.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return link.toString();
    }
}
