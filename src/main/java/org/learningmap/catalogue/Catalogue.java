package org.learningmap.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.GeoPoint;
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
    private final CalendarFiles calendars;
    private final java.time.Clock clock;

    Catalogue(CachedSearch search, Topics topics, Sites sites, JdbcClient jdbc, CalendarFiles calendars, java.time.Clock clock) {
        this.search = search;
        this.topics = topics;
        this.sites = sites;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * The .ics file of one session in the language, for an e-mail attachment or a download: the site's
     * time zone, the activity's title, the place, the activity page's address and a UID that stays the
     * same for the session (so a calendar updates one event). With {@code cancellation} (or when the
     * session was cancelled) it is a cancellation notice ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}).
     * Empty for an unknown session.
     */
    public Optional<CalendarFile> sessionCalendar(long sessionId, String language, boolean cancellation) {
        return calendars.entry(sessionId).map(entry -> {
            boolean cancel = cancellation || entry.cancelled();
            CalendarFiles.Method method = cancel ? CalendarFiles.Method.CANCEL : CalendarFiles.Method.PUBLISH;
            String text = calendars.write(List.of(cancel ? entry.asCancelled() : entry), language, method, null);
            return new CalendarFile("session-" + sessionId + ".ics", method.name(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    /**
     * A calendar (for a feed) of the given sessions in the language, in time order; those in
     * {@code tentative} are marked {@code STATUS:TENTATIVE}, cancelled ones {@code STATUS:CANCELLED}.
     * {@code name} titles the calendar in calendar apps.
     */
    public CalendarFile calendarOf(java.util.Collection<Long> sessionIds, java.util.Set<Long> tentative, String language,
                                   String name, String filename) {
        List<CalendarEntry> entries = calendars.entries(sessionIds).stream()
                .map(entry -> entry.tentative(tentative.contains(entry.sessionId())))
                .toList();
        String text = calendars.write(entries, language, CalendarFiles.Method.PUBLISH, name);
        return new CalendarFile(filename, "PUBLISH", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    /** An activity's topics, audiences and first venue, whatever its status; empty for an unknown activity. */
    public Optional<ActivityFacets> activityFacets(long activityId) {
        return jdbc.sql("""
                        SELECT a.id, a.site_id, a.organisation_id, a.audiences,
                               ARRAY(SELECT t.topic_id FROM activity_topic t WHERE t.activity_id = a.id ORDER BY t.topic_id) AS topic_ids,
                               (SELECT s.venue_id FROM session s WHERE s.activity_id = a.id AND s.venue_id IS NOT NULL
                                 ORDER BY s.starts_at, s.id LIMIT 1) AS venue_id
                          FROM activity a WHERE a.id = ?
                        """)
                .param(activityId)
                .query((rs, row) -> new ActivityFacets(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                        java.util.Arrays.stream((Long[]) rs.getArray("topic_ids").getArray()).toList(),
                        java.util.Arrays.stream((String[]) rs.getArray("audiences").getArray()).sorted().map(Audience::valueOf).toList(),
                        (Long) rs.getObject("venue_id")))
                .optional();
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

    /** An organisation's sessions starting from {@code from} (inclusive) to {@code to} (exclusive), cancelled ones included, in time order. */
    public List<SessionFacts> sessionsOfOrganisation(long organisationId, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql(SESSION_FACTS + " WHERE s.organisation_id = ? AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at, s.id LIMIT 200")
                .params(organisationId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query(Catalogue::sessionFacts).list();
    }

    /**
     * Published activities of the site that develop any of the given DigComp competences and can be
     * attended: a coming session at a venue within {@code radiusKm} of {@code near} (none when no point is
     * given), a coming online session, or an online self-study course; taught in {@code language} (or
     * with no language stated; any language when {@code language} is null). Nearest first, online after them, then soonest.
     */
    public List<AlignedActivity> alignedActivities(long siteId, java.util.Collection<String> digcompCodes, GeoPoint near,
                                                   double radiusKm, String language, int limit) {
        if (digcompCodes.isEmpty()) {
            return List.of();
        }
        String distance = near == null ? "NULL::double precision"
                : "earth_distance(ll_to_earth(v.lat, v.lon), ll_to_earth(:lat, :lon))";
        var query = jdbc.sql("""
                        SELECT a.id, a.title, a.kind, a.digcomp, n.starts_at, n.venue_name, n.town, n.metres
                          FROM activity a
                          LEFT JOIN LATERAL (
                               SELECT s.starts_at, v.name AS venue_name, v.town, %1$s AS metres
                                 FROM session s LEFT JOIN venue v ON v.id = s.venue_id
                                WHERE s.activity_id = a.id AND s.status = 'SCHEDULED' AND s.starts_at > :now
                                  AND (s.venue_id IS NULL OR %1$s <= :metres)
                                ORDER BY (s.venue_id IS NULL), %1$s, s.starts_at
                                LIMIT 1) n ON true
                         WHERE a.site_id = :site AND a.status = 'PUBLISHED' AND a.digcomp && CAST(:codes AS text[])
                           AND (:language = '' OR cardinality(a.languages) = 0 OR :language = ANY (a.languages))
                           AND (n.starts_at IS NOT NULL OR a.kind = 'ONLINE_COURSE')
                         ORDER BY (n.metres IS NULL), n.metres, n.starts_at NULLS LAST, a.id
                         LIMIT :limit
                        """.formatted(near == null ? "CASE WHEN v.id IS NULL THEN NULL ELSE 1e12 END" : distance))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("metres", radiusKm * 1000)
                .param("site", siteId)
                .param("codes", "{" + String.join(",", digcompCodes.stream().filter(c -> c.matches("[1-5]\\.[1-6]")).toList()) + "}")
                .param("language", language == null ? "" : language)
                .param("limit", Math.clamp(limit, 1, MAX_LIST));
        if (near != null) {
            query = query.param("lat", near.lat()).param("lon", near.lon());
        }
        return query.query((rs, row) -> {
            java.sql.Timestamp starts = rs.getTimestamp("starts_at");
            Object metres = rs.getObject("metres");
            String town = rs.getString("town");
            return new AlignedActivity(rs.getLong("id"), Json.text(rs.getString("title")),
                    ActivityKind.valueOf(rs.getString("kind")), List.of((String[]) rs.getArray("digcomp").getArray()),
                    starts == null ? null : starts.toInstant(),
                    town == null ? LocalizedText.EMPTY : Json.text(rs.getString("venue_name")), town, town == null,
                    metres == null ? null : Math.round(((Number) metres).doubleValue() / 100) / 10.0);
        }).list();
    }

    /** One activity's facts, whatever its status; empty for an unknown activity. */
    public Optional<ActivityFacts> activityFacts(long activityId) {
        List<Topic> topicsOf = jdbc.sql("""
                        SELECT t.id, t.slug, t.name FROM activity_topic at JOIN topic t ON t.id = at.topic_id
                         WHERE at.activity_id = ? ORDER BY t.position, t.slug
                        """)
                .param(activityId)
                .query((rs, n) -> new Topic(rs.getLong("id"), rs.getString("slug"), Json.text(rs.getString("name")))).list();
        return jdbc.sql("SELECT id, site_id, organisation_id, kind, status, title, summary, description, digcomp FROM activity WHERE id = ?")
                .param(activityId)
                .query((rs, n) -> {
                    List<String> codes = List.of((String[]) rs.getArray("digcomp").getArray());
                    Map<String, String> titles = new java.util.LinkedHashMap<>();
                    codes.forEach(code -> titles.put(code, DigComp.title(code)));
                    return new ActivityFacts(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                            ActivityKind.valueOf(rs.getString("kind")), ActivityStatus.valueOf(rs.getString("status")),
                            Json.text(rs.getString("title")), Json.text(rs.getString("summary")), Json.text(rs.getString("description")),
                            codes, java.util.Collections.unmodifiableMap(titles), topicsOf);
                })
                .optional();
    }

    /** The facts of the known activities among {@code activityIds}, in the order given; unknown ones are left out. */
    public List<ActivityFacts> activityFacts(java.util.Collection<Long> activityIds) {
        return activityIds.stream().distinct().map(this::activityFacts).flatMap(Optional::stream).toList();
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
