package org.learningmap.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
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

    /**
     * Sessions that still take place, of published activities, starting at or after {@code from} and
     * before {@code to}, in time order (at most {@code limit}).
     */
    public List<SessionFacts> sessionsStartingBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return jdbc.sql(SESSION_FACTS + " WHERE s.starts_at >= ? AND s.starts_at < ? AND s.status = 'SCHEDULED' AND a.status = 'PUBLISHED'"
                        + " ORDER BY s.starts_at, s.id LIMIT ?")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), limit)
                .query(Catalogue::sessionFacts).list();
    }

    /** One session with its activity's facts, whatever its status; empty for an unknown session. */
    public Optional<SessionFacts> session(long sessionId) {
        return jdbc.sql(SESSION_FACTS + " WHERE s.id = ?").param(sessionId).query(Catalogue::sessionFacts).optional();
    }

    /** Every session of an activity, cancelled ones included, in time order; empty for an unknown activity. */
    public List<SessionFacts> sessionsOf(long activityId) {
        return jdbc.sql(SESSION_FACTS + " WHERE s.activity_id = ? ORDER BY s.starts_at, s.id").param(activityId)
                .query(Catalogue::sessionFacts).list();
    }

    private static final String SESSION_FACTS = """
            SELECT s.id, s.activity_id, s.organisation_id, s.site_id, a.kind, a.status AS activity_status, a.title,
                   s.starts_at, s.ends_at, s.venue_id, v.name AS venue_name, v.address, v.town,
                   coalesce(s.online_url, a.online_url) AS online_url, s.capacity, s.status
              FROM session s JOIN activity a ON a.id = s.activity_id LEFT JOIN venue v ON v.id = s.venue_id
            """;

    private static SessionFacts sessionFacts(ResultSet rs, int row) throws SQLException {
        Long venueId = (Long) rs.getObject("venue_id");
        String address = venueId == null ? null : rs.getString("address") + ", " + rs.getString("town");
        return new SessionFacts(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("organisation_id"),
                rs.getLong("site_id"), ActivityKind.valueOf(rs.getString("kind")),
                ActivityStatus.valueOf(rs.getString("activity_status")), Json.text(rs.getString("title")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), venueId,
                venueId == null ? LocalizedText.EMPTY : Json.text(rs.getString("venue_name")), address,
                rs.getString("online_url"), (Integer) rs.getObject("capacity"), "CANCELLED".equals(rs.getString("status")));
    }

    private List<ActivityCard> list(Site site, String parameter, long id, int limit) {
        SearchFilters filters = SearchFilters.parse(Map.of(parameter, new String[] {Long.toString(id)})).filters();
        return search.list(site, filters, Math.clamp(limit, 1, MAX_LIST));
    }
}
