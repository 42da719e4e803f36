package org.learningmap.catalogue;

import java.util.List;
import java.util.Map;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules and their pages may ask of the catalogue. Pages of other modules can show a
 * list of coming activities without depending on this module by including the fragments of
 * {@code catalogue/fragments} ({@code upcomingAtVenue(venueId)}, {@code upcomingByOrganisation(organisationId)}),
 * which call this bean by its name, {@code catalogue}.
 */
@Service("catalogue")
public class Catalogue {

    static final int MAX_LIST = 50;

    private final CachedSearch search;
    private final Topics topics;
    private final Sites sites;
    private final JdbcClient jdbc;

    Catalogue(CachedSearch search, Topics topics, Sites sites, JdbcClient jdbc) {
        this.search = search;
        this.topics = topics;
        this.sites = sites;
        this.jdbc = jdbc;
    }

    /** Published activities with a coming session at the venue, soonest first; empty for an unknown venue. */
    public List<ActivityCard> upcomingAtVenue(long venueId, int limit) {
        return jdbc.sql("SELECT site_id FROM venue WHERE id = ?").param(venueId).query(Long.class).optional()
                .flatMap(sites::byId)
                .map(site -> list(site, "venue", venueId, limit))
                .orElse(List.of());
    }

    /** The organisation's published activities that are available, soonest first; empty for an unknown organisation. */
    public List<ActivityCard> upcomingByOrganisation(long organisationId, int limit) {
        return jdbc.sql("SELECT site_id FROM organisation WHERE id = ?").param(organisationId).query(Long.class).optional()
                .flatMap(sites::byId)
                .map(site -> list(site, "organisation", organisationId, limit))
                .orElse(List.of());
    }

    /** The site's topic vocabulary, in its order. */
    public List<Topic> topics(long siteId) {
        return topics.of(siteId);
    }

    private List<ActivityCard> list(Site site, String parameter, long id, int limit) {
        SearchFilters filters = SearchFilters.parse(Map.of(parameter, new String[] {Long.toString(id)})).filters();
        return search.list(site, filters, Math.clamp(limit, 1, MAX_LIST));
    }
}
