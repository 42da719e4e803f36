package org.learningmap.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds published activities with {@link SearchFilters}: one page of cards in the order asked for,
 * the exact number of results, and facet counts. Each order has its own plan, measured at 100,000
 * activities and 330,000 sessions (see the migration {@code catalogue_search}):
 * <ul>
 *   <li>relevance ranks the text matches on the title's vector, typos corrected by the site's dictionary;</li>
 *   <li>soonest walks the site's scheduled sessions in start order and stops after one page;</li>
 *   <li>nearest walks venues outward from the point (k-nearest-neighbour) until a page is full;</li>
 *   <li>with fewer than two thousand results, each result's key is computed and sorted instead.</li>
 * </ul>
 * Facets and the total come from one pass over the activities matching every filter except the
 * counted facets, grouped by the facet values; the counts per facet are then derived in memory.
 */
@Component
class ActivitySearch {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 500;
    static final List<String> FACETS = List.of("topic", "audience", "language", "kind", "mode", "free");

    /** Below this many results, the order is computed for every result directly rather than walked. */
    static final int DIRECTLY_BELOW = 2_000;
    private static final int FIRST_VENUES = 64;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Topics topics;
    private final int directlyBelow;

    @org.springframework.beans.factory.annotation.Autowired
    ActivitySearch(JdbcClient jdbc, PlatformTransactionManager transactions, Topics topics) {
        this(jdbc, transactions, topics, DIRECTLY_BELOW);
    }

    /** With {@code directlyBelow} 0 every search walks, which is how tests cover the walks on few rows. */
    ActivitySearch(JdbcClient jdbc, PlatformTransactionManager transactions, Topics topics, int directlyBelow) {
        this.directlyBelow = directlyBelow;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.topics = topics;
    }

    /**
     * The earliest start a session still running at {@link SearchFilters#since} can have: a day
     * before, or the start of a longer session (a camp) that is running then.
     */
    Instant startsFrom(long siteId, ZoneId zone, SearchFilters filters, Instant now) {
        Instant since = filters.since(zone, now);
        return jdbc.sql("""
                        SELECT LEAST(CAST(:dayBefore AS timestamptz),
                                     (SELECT min(l.starts_at) FROM session l
                                      WHERE l.site_id = :siteId AND l.status = 'SCHEDULED'
                                        AND l.ends_at - l.starts_at > interval '24 hours' AND l.ends_at > :since))
                        """)
                .param("dayBefore", Timestamp.from(since.minus(java.time.Duration.ofDays(1))))
                .param("siteId", siteId)
                .param("since", Timestamp.from(since))
                .query(Timestamp.class).single().toInstant();
    }

    /** A page of results with the facet counts. */
    SearchResult search(long siteId, ZoneId zone, SearchFilters filters, int page, Instant now) {
        return inSearchTransaction(() -> {
            Groups groups = facetGroups(siteId, zone, filters, now);
            Map<String, List<FacetCount>> facets = facets(siteId, filters, groups.list());
            long total = exactFromGroups(filters) ? count(filters, groups.list(), siteId) : count(siteId, zone, filters, now);
            List<ActivityCard> items = total == 0 ? List.of() : page(siteId, zone, filters, page, PAGE_SIZE, total, now);
            return new SearchResult(items, total, page, PAGE_SIZE, facets, filters, groups.changesAt());
        });
    }

    /** A page of results without facets, for lists elsewhere (a venue's or an organisation's upcoming activities). */
    List<ActivityCard> list(long siteId, ZoneId zone, SearchFilters filters, int size, Instant now) {
        return inSearchTransaction(() -> {
            long total = count(siteId, zone, filters, now);
            return total == 0 ? List.of() : page(siteId, zone, filters, 1, size, total, now);
        });
    }

    /**
     * The first moment after {@code now} at which a scheduled session of one of the matches in {@code m}
     * ends, or NULL when none will. Every condition of a search that time alone changes is "a session's
     * end, or an activity's last end, is after now" (see {@link SearchFilters}), so until that moment
     * the matches, their facet groups, their order and their cards (next session, sessions to come) stay
     * as they are: an activity that does not match cannot come to match as time passes, and one that
     * matches changes only when one of its sessions ends.
     *
     * <p>The site's next thousand session ends are looked at first (index {@code session_site_end_idx}):
     * a search with many matches finds its first end among them at once. Only when none of them is a
     * match's is each match's next end looked up.
     */
    static final String CHANGES_AT = """
            coalesce(
                (SELECT min(w.ends_at)
                 FROM (SELECT s.ends_at, s.activity_id FROM session s
                       WHERE s.site_id = :siteId AND s.status = 'SCHEDULED' AND s.ends_at > :now
                       ORDER BY s.ends_at LIMIT 1000) w
                 WHERE w.activity_id IN (SELECT id FROM m)),
                (SELECT min(e.ends_at) FROM m CROSS JOIN LATERAL
                     (SELECT s.ends_at FROM session s
                      WHERE s.activity_id = m.id AND s.status = 'SCHEDULED' AND s.ends_at > :now
                      ORDER BY s.ends_at LIMIT 1) e))
            """;

    /**
     * The facet groups of a search's matches, and the first moment time alone can change the answer
     * ({@link #CHANGES_AT}; null: it cannot).
     */
    record Groups(List<FacetGroup> list, Instant changesAt) {
    }

    /** The facet groups of the search without its facet filters; kept by the cache, counted per request. */
    Groups facetGroups(long siteId, ZoneId zone, SearchFilters filters, Instant now) {
        return inSearchTransaction(() -> {
            SearchFilters base = filters.withoutFacets();
            var where = base.where(siteId, zone, now, startsFrom(siteId, zone, base, now));
            List<FacetGroup> groups = new ArrayList<>();
            Instant[] changesAt = {null};
            jdbc.sql("""
                        WITH m AS MATERIALIZED (
                            SELECT a.id, a.topic_ids, a.audiences, a.languages, a.kind, a.price_cents = 0 AS free,
                                   (a.kind = 'ONLINE_COURSE' OR coalesce(a.online_until > :now, false)) AS online,
                                   coalesce(a.in_person_until > :now, false) AS in_person
                            FROM activity a
                            WHERE %s
                        )
                        SELECT 'g' AS part, topic_ids, audiences, languages, kind, free, online, in_person, count(*) AS n,
                               NULL::timestamptz AS changes_at
                        FROM m
                        GROUP BY topic_ids, audiences, languages, kind, free, online, in_person
                        UNION ALL
                        SELECT 'c', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, %s
                        """.formatted(where.sql(), CHANGES_AT))
                    .params(where.params())
                    .query((ResultSet rs) -> {
                        if ("c".equals(rs.getString("part"))) {
                            changesAt[0] = instant(rs.getTimestamp("changes_at"));
                        } else {
                            groups.add(group(rs));
                        }
                    });
            return new Groups(groups, changesAt[0]);
        });
    }

    private static FacetGroup group(ResultSet rs) throws SQLException {
        return new FacetGroup(longs(rs.getArray("topic_ids")), strings(rs.getArray("audiences")),
                strings(rs.getArray("languages")), rs.getString("kind"), rs.getBoolean("free"),
                rs.getBoolean("online"), rs.getBoolean("in_person"), rs.getLong("n"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The first moment after {@code now} at which a session of one of these activities ends (null: none
     * will); for an answer that shows only them, such as a list of cards.
     */
    Instant changesAt(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return null;
        }
        return instant(jdbc.sql("""
                        SELECT min(s.ends_at) FROM session s
                        WHERE s.activity_id IN (:ids) AND s.status = 'SCHEDULED' AND s.ends_at > :now
                        """)
                .param("ids", ids)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().orElse(null));
    }

    /**
     * Whether {@link #groupsAndPage} can answer the search: words, ordered by relevance, and no facet
     * filter, so that the facet groups and the page have the same matches.
     */
    static boolean groupsWithPage(SearchFilters filters) {
        return filters.hasText() && filters.sort() == SearchFilters.Sort.RELEVANCE
                && filters.equals(filters.withoutFacets().withSort(SearchFilters.Sort.RELEVANCE));
    }

    /** The facet groups and one page of results of the same matches. */
    record GroupsAndPage(Groups groups, List<ActivityCard> items) {
    }

    /**
     * For a search that {@link #groupsWithPage} accepts, the facet groups and a page by relevance in
     * one pass over the matches: a common word matches thousands of activities, and reading them
     * once instead of twice is most of what an unanswered search costs.
     */
    GroupsAndPage groupsAndPage(long siteId, ZoneId zone, SearchFilters filters, int page, int size, Instant now) {
        return inSearchTransaction(() -> {
            Query query = new Query(siteId, zone, filters, now, startsFrom(siteId, zone, filters, now));
            var where = query.where();
            List<FacetGroup> groups = new ArrayList<>();
            Map<Long, Long> positions = new HashMap<>();
            Instant[] changesAt = {null};
            jdbc.sql("""
                        WITH m AS MATERIALIZED (
                            SELECT a.id, a.topic_ids, a.audiences, a.languages, a.kind, a.price_cents = 0 AS free,
                                   (a.kind = 'ONLINE_COURSE' OR coalesce(a.online_until > :now, false)) AS online,
                                   coalesce(a.in_person_until > :now, false) AS in_person,
                                   ts_rank_cd(a.search_title, (SELECT lm_search_query(:siteId, :text)))
                                   + CASE WHEN a.search_title @@ (SELECT lm_search_query(:siteId, :text)) THEN 0.5 ELSE 0 END AS rank
                            FROM activity a
                            WHERE %s
                        ), top AS (
                            SELECT id, row_number() OVER (ORDER BY rank DESC, id DESC) AS position
                            FROM (SELECT id, rank FROM m ORDER BY rank DESC, id DESC LIMIT :limit OFFSET :offset) t
                        )
                        SELECT 'g' AS part, NULL::bigint AS id, NULL::bigint AS position, topic_ids, audiences, languages,
                               kind, free, online, in_person, count(*) AS n, NULL::timestamptz AS changes_at
                        FROM m
                        GROUP BY topic_ids, audiences, languages, kind, free, online, in_person
                        UNION ALL
                        SELECT 'p', id, position, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM top
                        UNION ALL
                        SELECT 'c', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, %s
                        """.formatted(where.sql(), CHANGES_AT))
                    .params(where.params())
                    .param("limit", size)
                    .param("offset", (page - 1) * size)
                    .query((ResultSet rs) -> {
                        switch (rs.getString("part")) {
                            case "g" -> groups.add(group(rs));
                            case "p" -> positions.put(rs.getLong("id"), rs.getLong("position"));
                            default -> changesAt[0] = instant(rs.getTimestamp("changes_at"));
                        }
                    });
            List<Long> ids = positions.keySet().stream().sorted(java.util.Comparator.comparing(positions::get)).toList();
            return new GroupsAndPage(new Groups(groups, changesAt[0]), ids.isEmpty() ? List.of() : cards(query, ids));
        });
    }

    /**
     * The groups know whether an activity has any upcoming online or in-person session, not whether
     * that session also falls in the date range or at the venue asked for; with both a mode and such
     * a condition, the total is counted in SQL instead.
     */
    static boolean exactFromGroups(SearchFilters filters) {
        return filters.mode() == SearchFilters.Mode.ANY || (!filters.isDated() && !filters.hasVenueConditions());
    }

    long count(long siteId, ZoneId zone, SearchFilters filters, Instant now) {
        return inSearchTransaction(() -> {
            var where = filters.where(siteId, zone, now, startsFrom(siteId, zone, filters, now));
            return jdbc.sql("SELECT count(*) FROM activity a WHERE " + where.sql())
                    .params(where.params()).query(Long.class).single();
        });
    }

    long count(SearchFilters filters, List<FacetGroup> groups, long siteId) {
        Matcher matcher = new Matcher(filters, selectedTopicIds(siteId, filters));
        return groups.stream().filter(group -> matcher.matchesAllBut(group, null)).mapToLong(FacetGroup::count).sum();
    }

    Map<String, List<FacetCount>> facets(long siteId, SearchFilters filters, List<FacetGroup> groups) {
        Set<Long> selectedTopics = selectedTopicIds(siteId, filters);
        Matcher matcher = new Matcher(filters, selectedTopics);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        FACETS.forEach(facet -> counts.put(facet, new HashMap<>()));
        for (FacetGroup group : groups) {
            for (String facet : FACETS) {
                if (!matcher.matchesAllBut(group, facet)) {
                    continue;
                }
                Map<String, Long> values = counts.get(facet);
                switch (facet) {
                    case "topic" -> group.topicIds().forEach(id -> values.merge(id.toString(), group.count(), Long::sum));
                    case "audience" -> group.audiences().forEach(value -> values.merge(value, group.count(), Long::sum));
                    case "language" -> group.languages().forEach(value -> values.merge(value, group.count(), Long::sum));
                    case "kind" -> values.merge(group.kind(), group.count(), Long::sum);
                    case "mode" -> {
                        if (group.online()) {
                            values.merge(SearchFilters.Mode.ONLINE.name(), group.count(), Long::sum);
                        }
                        if (group.inPerson()) {
                            values.merge(SearchFilters.Mode.IN_PERSON.name(), group.count(), Long::sum);
                        }
                    }
                    case "free" -> {
                        if (group.free()) {
                            values.merge("true", group.count(), Long::sum);
                        }
                    }
                    default -> throw new IllegalStateException(facet);
                }
            }
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        facets.put("topic", topics.of(siteId).stream()
                .map(topic -> new FacetCount(topic.slug(), counts.get("topic").getOrDefault(Long.toString(topic.id()), 0L),
                        filters.topics().contains(topic.slug())))
                .toList());
        facets.put("audience", Arrays.stream(Audience.values())
                .map(audience -> new FacetCount(audience.name(), counts.get("audience").getOrDefault(audience.name(), 0L),
                        filters.audiences().contains(audience)))
                .toList());
        Set<String> languages = new HashSet<>(counts.get("language").keySet());
        languages.addAll(filters.languages());
        facets.put("language", languages.stream()
                .map(language -> new FacetCount(language, counts.get("language").getOrDefault(language, 0L),
                        filters.languages().contains(language)))
                .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()))
                .toList());
        facets.put("kind", Arrays.stream(ActivityKind.values())
                .map(kind -> new FacetCount(kind.name(), counts.get("kind").getOrDefault(kind.name(), 0L),
                        filters.kinds().contains(kind)))
                .toList());
        facets.put("mode", List.of(SearchFilters.Mode.ONLINE, SearchFilters.Mode.IN_PERSON).stream()
                .map(mode -> new FacetCount(mode.name(), counts.get("mode").getOrDefault(mode.name(), 0L), filters.mode() == mode))
                .toList());
        facets.put("free", List.of(new FacetCount("true", counts.get("free").getOrDefault("true", 0L), filters.freeOnly())));
        return facets;
    }

    private Set<Long> selectedTopicIds(long siteId, SearchFilters filters) {
        Set<Long> ids = new HashSet<>();
        for (Topic topic : topics.of(siteId)) {
            if (filters.topics().contains(topic.slug())) {
                ids.add(topic.id());
            }
        }
        return ids;
    }

    /** The ids of one page in the search's order, then their cards. */
    List<ActivityCard> page(long siteId, ZoneId zone, SearchFilters filters, int page, int size, long total, Instant now) {
        int offset = (page - 1) * size;
        if (offset >= total) {
            return List.of();
        }
        return inSearchTransaction(() -> {
            Query query = new Query(siteId, zone, filters, now, startsFrom(siteId, zone, filters, now));
            List<Long> ids = switch (filters.sort()) {
                case RELEVANCE -> filters.hasText() ? byRelevance(query, offset, size) : soonest(query, offset, size, total);
                case SOONEST -> soonest(query, offset, size, total);
                case NEAREST -> nearest(query, offset, size, total);
            };
            return cards(query, ids);
        });
    }

    private List<Long> byRelevance(Query q, int offset, int size) {
        var where = q.where();
        // A title hit (any language, stemmed, or a corrected typo) outranks a match in the description only.
        return jdbc.sql("""
                        SELECT a.id
                        FROM activity a
                        WHERE %s
                        ORDER BY ts_rank_cd(a.search_title, (SELECT lm_search_query(:siteId, :text)))
                                 + CASE WHEN a.search_title @@ (SELECT lm_search_query(:siteId, :text)) THEN 0.5 ELSE 0 END DESC,
                                 a.id DESC
                        LIMIT :limit OFFSET :offset
                        """.formatted(where.sql()))
                .params(where.params())
                .param("limit", size)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /**
     * Activities by their next matching session, then self-study courses without one, newest first.
     * Few results (or a text search, which finds its few through the text indexes): each result's
     * next session is looked up. Many results: the site's sessions are walked in start order, each
     * kept only if it is its activity's first matching one, until the page is full.
     */
    private List<Long> soonest(Query q, int offset, int size, long total) {
        if (q.filters().hasText() || total < directlyBelow) {
            return soonestDirectly(q, offset, size);
        }
        var activity = q.activityWhere();
        var session = q.sessionWhere("s");
        var earlier = q.sessionWhere("s2");
        Map<String, Object> params = new HashMap<>(activity.params());
        params.putAll(session.params());
        List<Long> ids = new ArrayList<>(jdbc.sql("""
                        SELECT s.activity_id
                        FROM session s
                        JOIN activity a ON a.id = s.activity_id
                        WHERE s.site_id = :siteId
                          AND %s
                          AND %s
                          AND NOT EXISTS (SELECT 1 FROM session s2
                                          WHERE s2.activity_id = s.activity_id AND %s
                                            AND (s2.starts_at, s2.id) < (s.starts_at, s.id))
                        ORDER BY s.starts_at, s.id
                        LIMIT :limit OFFSET :offset
                        """.formatted(session.sql(), activity.sql(), earlier.sql()))
                .params(params)
                .param("limit", size)
                .param("offset", offset)
                .query(Long.class)
                .list());
        if (ids.size() < size) {
            ids.addAll(withoutMatchingSession(q, offset, size - ids.size(), ids.size(), total));
        }
        return ids;
    }

    private List<Long> soonestDirectly(Query q, int offset, int size) {
        var where = q.where();
        var session = q.sessionWhere("s");
        Map<String, Object> params = new HashMap<>(where.params());
        params.putAll(session.params());
        return jdbc.sql("""
                        SELECT a.id
                        FROM activity a
                        LEFT JOIN LATERAL (SELECT s.starts_at, s.id FROM session s
                                           WHERE s.activity_id = a.id AND %s
                                           ORDER BY s.starts_at, s.id LIMIT 1) n ON true
                        WHERE %s
                        ORDER BY n.starts_at NULLS LAST, n.id, a.id DESC
                        LIMIT :limit OFFSET :offset
                        """.formatted(session.sql(), where.sql()))
                .params(params)
                .param("limit", size)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /** Self-study courses without a matching session: they come after every activity that has one. */
    private List<Long> withoutMatchingSession(Query q, int offset, int wanted, int found, long total) {
        var where = q.where();
        var session = q.sessionWhere("s");
        Map<String, Object> params = new HashMap<>(where.params());
        params.putAll(session.params());
        String sql = """
                FROM activity a
                WHERE %s AND a.kind = 'ONLINE_COURSE'
                  AND NOT EXISTS (SELECT 1 FROM session s WHERE s.activity_id = a.id AND %s)
                """.formatted(where.sql(), session.sql());
        long tail = jdbc.sql("SELECT count(*) " + sql).params(params).query(Long.class).single();
        long withSession = total - tail;
        long tailOffset = Math.max(0, offset + found - withSession);
        return jdbc.sql("SELECT a.id " + sql + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", wanted)
                .param("offset", tailOffset)
                .query(Long.class)
                .list();
    }

    /**
     * Activities by the distance of their nearest venue with a matching session, then the others.
     * The k venues nearest the point hold every activity closer than the k-th venue, so when they
     * yield a full page the order is exact; otherwise k grows fourfold.
     */
    private List<Long> nearest(Query q, int offset, int size, long total) {
        if (total < directlyBelow) {
            return nearestDirectly(q, offset, size);
        }
        long venues = jdbc.sql("SELECT count(*) FROM venue WHERE site_id = ?").param(q.siteId()).query(Long.class).single();
        var activity = q.activityWhere();
        var session = q.sessionWhere("s");
        Map<String, Object> params = new HashMap<>(activity.params());
        params.putAll(session.params());
        params.put("nearLat", q.filters().near().lat());
        params.put("nearLon", q.filters().near().lon());
        for (long k = FIRST_VENUES; ; k *= 4) {
            List<Long> ids = jdbc.sql("""
                            SELECT s.activity_id
                            FROM (SELECT nv.id, earth_distance(ll_to_earth(nv.lat, nv.lon), ll_to_earth(:nearLat, :nearLon)) AS metres
                                  FROM venue nv WHERE nv.site_id = :siteId
                                  ORDER BY ll_to_earth(nv.lat, nv.lon) <-> ll_to_earth(:nearLat, :nearLon)
                                  LIMIT :venues) near
                            JOIN session s ON s.venue_id = near.id
                            JOIN activity a ON a.id = s.activity_id
                            WHERE %s AND %s
                            GROUP BY s.activity_id
                            ORDER BY min(near.metres), s.activity_id DESC
                            LIMIT :limit OFFSET :offset
                            """.formatted(session.sql(), activity.sql()))
                    .params(params)
                    .param("venues", k)
                    .param("limit", size)
                    .param("offset", offset)
                    .query(Long.class)
                    .list();
            if (ids.size() == size) {
                return ids;
            }
            if (k >= venues) {
                break;
            }
        }
        return nearestDirectly(q, offset, size);
    }

    private List<Long> nearestDirectly(Query q, int offset, int size) {
        var where = q.where();
        var session = q.sessionWhere("s");
        Map<String, Object> params = new HashMap<>(where.params());
        params.putAll(session.params());
        params.put("nearLat", q.filters().near().lat());
        params.put("nearLon", q.filters().near().lon());
        return jdbc.sql("""
                        SELECT a.id
                        FROM activity a
                        LEFT JOIN LATERAL (SELECT min(earth_distance(ll_to_earth(dv.lat, dv.lon), ll_to_earth(:nearLat, :nearLon))) AS metres
                                           FROM session s JOIN venue dv ON dv.id = s.venue_id
                                           WHERE s.activity_id = a.id AND %s) d ON true
                        WHERE %s
                        ORDER BY d.metres NULLS LAST, a.id DESC
                        LIMIT :limit OFFSET :offset
                        """.formatted(session.sql(), where.sql()))
                .params(params)
                .param("limit", size)
                .param("offset", offset)
                .query(Long.class)
                .list();
    }

    /** Cards for the given activities, in the given order, each with its next matching session. */
    List<ActivityCard> cards(Query q, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SearchFilters filters = q.filters();
        var session = q.sessionWhere("s");
        var distanceSession = q.sessionWhere("d");
        Map<String, Object> params = new HashMap<>(session.params());
        params.put("ids", ids);
        params.put("now", Timestamp.from(q.now()));
        String distance = "NULL::double precision";
        if (filters.near() != null) {
            params.put("nearLat", filters.near().lat());
            params.put("nearLon", filters.near().lon());
            distance = """
                    (SELECT min(earth_distance(ll_to_earth(dv.lat, dv.lon), ll_to_earth(:nearLat, :nearLon)))
                     FROM session d JOIN venue dv ON dv.id = d.venue_id WHERE d.activity_id = a.id AND %s)
                    """.formatted(distanceSession.sql());
        }
        Map<Long, Topic> topicsById = topics.byId(q.siteId());
        Map<Long, ActivityCard> cards = new HashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.title, a.summary, a.easy_read, a.kind, a.organisation_id, o.name AS organisation_name,
                               a.price_cents, a.currency, a.voucher_eligible, a.audiences, a.min_age, a.max_age, a.languages,
                               a.topic_ids, n.id AS next_id, n.starts_at AS next_starts_at, n.ends_at AS next_ends_at,
                               n.venue_id AS next_venue_id, v.name AS venue_name, v.town AS venue_town,
                               (SELECT count(*) FROM session c
                                WHERE c.activity_id = a.id AND c.status = 'SCHEDULED' AND c.ends_at > :now) AS upcoming,
                               %s AS metres
                        FROM activity a
                        JOIN organisation o ON o.id = a.organisation_id
                        LEFT JOIN LATERAL (SELECT s.id, s.starts_at, s.ends_at, s.venue_id FROM session s
                                           WHERE s.activity_id = a.id AND %s
                                           ORDER BY s.starts_at, s.id LIMIT 1) n ON true
                        LEFT JOIN venue v ON v.id = n.venue_id
                        WHERE a.id IN (:ids)
                        """.formatted(distance, session.sql()))
                .params(params)
                .query((rs, n) -> card(rs, topicsById))
                .list()
                .forEach(card -> cards.put(card.id(), card));
        return ids.stream().map(cards::get).filter(java.util.Objects::nonNull).toList();
    }

    static ActivityCard card(ResultSet rs, Map<Long, Topic> topicsById) throws SQLException {
        ActivityCard.NextSession next = null;
        long nextId = rs.getLong("next_id");
        if (!rs.wasNull()) {
            Long venueId = (Long) rs.getObject("next_venue_id");
            next = new ActivityCard.NextSession(nextId, rs.getTimestamp("next_starts_at").toInstant(),
                    rs.getTimestamp("next_ends_at").toInstant(), venueId,
                    venueId == null ? LocalizedText.EMPTY : Json.text(rs.getString("venue_name")), rs.getString("venue_town"));
        }
        double metres = rs.getDouble("metres");
        Double distanceKm = rs.wasNull() ? null : metres / 1000.0;
        List<Topic> cardTopics = longs(rs.getArray("topic_ids")).stream().map(topicsById::get)
                .filter(java.util.Objects::nonNull).toList();
        return new ActivityCard(rs.getLong("id"), Json.text(rs.getString("title")), Json.text(rs.getString("summary")),
                Json.text(rs.getString("easy_read")), ActivityKind.valueOf(rs.getString("kind")),
                rs.getLong("organisation_id"), Json.text(rs.getString("organisation_name")), next, rs.getInt("upcoming"),
                rs.getInt("price_cents"), rs.getString("currency"), rs.getBoolean("voucher_eligible"),
                audiences(strings(rs.getArray("audiences"))), (Integer) rs.getObject("min_age"),
                (Integer) rs.getObject("max_age"), strings(rs.getArray("languages")), cardTopics, distanceKm);
    }

    /** Runs the queries of one search without parallel workers or JIT: both cost more than they save at these sizes. */
    private <T> T inSearchTransaction(java.util.function.Supplier<T> work) {
        return readOnly.execute(status -> {
            jdbc.sql("SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)")
                    .query().singleRow();
            return work.get();
        });
    }

    static List<Audience> audiences(List<String> names) {
        List<Audience> result = new ArrayList<>();
        for (String name : names) {
            try {
                result.add(Audience.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // a value this version does not know is left out rather than failing the page
            }
        }
        return result;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((Long[]) array.getArray());
    }

    /** One search as its queries need it. */
    record Query(long siteId, ZoneId zone, SearchFilters filters, Instant now, Instant startsFrom) {

        SearchFilters.Where where() {
            return filters.where(siteId, zone, now, startsFrom);
        }

        SearchFilters.Where activityWhere() {
            return filters.activityWhere(siteId, now);
        }

        SearchFilters.Where sessionWhere(String alias) {
            return filters.sessionWhere(alias, zone, now, startsFrom);
        }
    }

    /**
     * A combination of facet values and how many matching activities have it.
     *
     * @param online   a self-study course or an upcoming online session
     * @param inPerson an upcoming session at a venue
     */
    record FacetGroup(List<Long> topicIds, List<String> audiences, List<String> languages, String kind, boolean free,
                      boolean online, boolean inPerson, long count) {
    }

    /** Whether a facet group meets the facet filters, optionally leaving one facet out. */
    private record Matcher(SearchFilters filters, Set<Long> topicIds) {

        boolean matchesAllBut(FacetGroup group, String left) {
            return check(left, "topic", g -> filters.topics().isEmpty() || g.topicIds().stream().anyMatch(topicIds::contains), group)
                    && check(left, "audience", g -> filters.audiences().isEmpty()
                    || g.audiences().stream().anyMatch(a -> filters.audiences().stream().anyMatch(f -> f.name().equals(a))), group)
                    && check(left, "language", g -> filters.languages().isEmpty()
                    || g.languages().stream().anyMatch(filters.languages()::contains), group)
                    && check(left, "kind", g -> filters.kinds().isEmpty()
                    || filters.kinds().stream().anyMatch(k -> k.name().equals(g.kind())), group)
                    && check(left, "free", g -> !filters.freeOnly() || g.free(), group)
                    && check(left, "mode", g -> switch (filters.mode()) {
                        case ANY -> true;
                        case ONLINE -> g.online();
                        case IN_PERSON -> g.inPerson();
                    }, group);
        }

        private static boolean check(String left, String facet, Predicate<FacetGroup> test, FacetGroup group) {
            return facet.equals(left) || test.test(group);
        }
    }
}
