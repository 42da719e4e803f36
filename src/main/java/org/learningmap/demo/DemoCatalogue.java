package org.learningmap.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.demo.CatalogueTemplates.ActivityTemplate;
import org.learningmap.demo.DemoPlan.Activity;
import org.learningmap.demo.DemoPlan.Organisation;
import org.learningmap.demo.DemoPlan.Session;
import org.learningmap.demo.DemoPlan.Venue;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Topics, organisations, venues, activities and sessions of every demo site, and the demo staff's
 * memberships. {@code learningmap.demo-data.activities-per-site} sets the volume: 600 for the demo,
 * 50,000 for the benchmark's 100,000 activities.
 */
@Component
class DemoCatalogue implements DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private static final int[] ORGANISATION_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] VENUE_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] ACTIVITY_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
            Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.INTEGER,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] SESSION_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int activitiesPerSite;

    DemoCatalogue(JdbcTemplate jdbc, Clock clock,
                  @Value("${learningmap.demo-data.activities-per-site:600}") int activitiesPerSite) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.activitiesPerSite = activitiesPerSite;
    }

    @Override
    public void generate(Map<String, Long> siteIds, Gazetteer gazetteer) {
        DemoPlanner planner = new DemoPlanner(CatalogueTemplates.load(), gazetteer);
        Instant now = clock.instant();
        // Full-text and trigram GIN entries collect in each index's pending list and are merged once at
        // the end, in bulk: for the benchmark's volume that loads the catalogue about twice as fast.
        jdbc.execute("SET LOCAL gin_pending_list_limit = '1GB'");
        // The activities' derived columns (topics, end of the last session online and in person) are
        // written with the rows, and checked set-wise per site below, instead of the session and topic
        // triggers refreshing activity rows after each of thousands of INSERT statements.
        jdbc.execute("SET LOCAL learningmap.bulk_load = 'on'");
        for (String country : List.of("LT", "UA")) {
            Long siteId = siteIds.get(country);
            if (siteId == null) {
                continue;
            }
            long started = System.nanoTime();
            ZoneId zone = ZoneId.of(jdbc.queryForObject("SELECT time_zone FROM site WHERE id = ?", String.class, siteId));
            DemoPlan plan = planner.plan(country, zone, now, activitiesPerSite);
            long[] organisations = write(siteId, plan);
            long staff = organisations[plan.staffOrganisation()];
            if (country.equals("LT")) {
                member(DemoAccounts.OWNER, staff, "OWNER");
                member(DemoAccounts.EDITOR, staff, "EDITOR");
                member(DemoAccounts.EDUCATOR, staff, "EDUCATOR");
            } else {
                member(DemoAccounts.OWNER_UA, staff, "OWNER");
            }
            long corrected = jdbc.queryForObject("SELECT lm_derive_activity_columns(?)", Long.class, siteId);
            // The search dictionary of typo tolerance, which its trigger leaves to bulk loads.
            jdbc.queryForObject("SELECT lm_rebuild_search_words(?)", Long.class, siteId);
            if (corrected > 0) {
                log.warn("Demo site {}: {} activities' derived columns were corrected after the load", country, corrected);
            }
            log.info("Demo site {}: {} organisations, {} venues, {} activities, {} sessions in {} ms", country,
                    plan.organisations().size(), plan.venues().size(), plan.activities().size(), plan.sessionCount(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        jdbc.query("""
                SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
                WHERE am.amname = 'gin' AND i.indrelid IN ('activity'::regclass, 'session'::regclass, 'venue'::regclass,
                                                           'organisation'::regclass)
                """, rs -> {
        });
        jdbc.execute("SET LOCAL gin_pending_list_limit TO DEFAULT");
        jdbc.execute("SET LOCAL learningmap.bulk_load TO DEFAULT");
        // Fresh statistics, so the first searches after the load are planned for its volume.
        jdbc.execute("ANALYZE activity, activity_topic, session, venue, organisation, search_word");
    }

    /** Writes the plan; answers the organisations' ids in plan order. */
    private long[] write(long siteId, DemoPlan plan) {
        Map<String, Long> areas = new HashMap<>();
        jdbc.query("SELECT code, id FROM area WHERE site_id = ?", rs -> {
            areas.put(rs.getString("code"), rs.getLong("id"));
        }, siteId);
        Long coordinator = jdbc.query("SELECT min(account_id) FROM site_role WHERE site_id = ? AND role = 'COORDINATOR'",
                rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null, siteId);

        long[] topics = ids("topic", plan.topics().size());
        Map<String, Long> topicIds = new HashMap<>();
        List<Object[]> topicRows = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            var topic = plan.topics().get(i);
            topicIds.put(topic.slug(), topics[i]);
            topicRows.add(new Object[] {topics[i], siteId, topic.slug(), Json.json(topic.text()), (i + 1) * 10});
        }
        Batch.insert(jdbc, "INSERT INTO topic (id, site_id, slug, name, position) VALUES (?, ?, ?, ?::jsonb, ?)", topicRows);

        long[] organisations = ids("organisation", plan.organisations().size());
        List<Object[]> organisationRows = new ArrayList<>();
        for (int i = 0; i < organisations.length; i++) {
            Organisation o = plan.organisations().get(i);
            organisationRows.add(new Object[] {organisations[i], siteId, o.slug(), o.kind(), Json.json(o.name()),
                    Json.json(o.description()), o.email(), o.phone(), o.website(), o.colour(), o.verified(), o.status(),
                    time(o.decidedAt()), o.decidedAt() == null ? null : coordinator, time(o.createdAt())});
        }
        Batch.insert(jdbc, """
                INSERT INTO organisation (id, site_id, slug, kind, name, description, email, phone, website, colour,
                                          verified, status, decided_at, decided_by, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, organisationRows, ORGANISATION_TYPES);

        String language = plan.country().equals("LT") ? "lt" : "uk";
        long[] venues = ids("venue", plan.venues().size());
        List<Object[]> venueRows = new ArrayList<>();
        for (int i = 0; i < venues.length; i++) {
            Venue v = plan.venues().get(i);
            venueRows.add(new Object[] {venues[i], siteId, organisations[v.organisation()],
                    areas.get(plan.country() + "-" + v.place().areaCode()), v.kind(), Json.json(v.name()), v.address(),
                    v.place().nameIn(language), v.lat(), v.lon(), Json.write(v.openingHours()), array(v.accessibility()),
                    time(v.createdAt())});
        }
        Batch.insert(jdbc, """
                INSERT INTO venue (id, site_id, organisation_id, area_id, kind, name, address, town, lat, lon,
                                   opening_hours, accessibility, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::text[], ?)
                """, venueRows, VENUE_TYPES);

        writeActivities(siteId, plan, organisations, venues, topicIds);
        return organisations;
    }

    /** Activities go in slices, so even the benchmark's volume never holds all rows in memory at once. */
    private void writeActivities(long siteId, DemoPlan plan, long[] organisations, long[] venues,
                                 Map<String, Long> topicIds) {
        Map<ActivityTemplate, String[]> texts = new IdentityHashMap<>();
        int slice = 5_000;
        for (int from = 0; from < plan.activities().size(); from += slice) {
            List<Activity> activities = plan.activities().subList(from, Math.min(plan.activities().size(), from + slice));
            long[] ids = ids("activity", activities.size());
            List<Object[]> activityRows = new ArrayList<>(activities.size());
            List<Object[]> topicRows = new ArrayList<>();
            List<Object[]> sessionRows = new ArrayList<>();
            for (int i = 0; i < activities.size(); i++) {
                Activity a = activities.get(i);
                ActivityTemplate t = a.template();
                String[] text = texts.computeIfAbsent(t, template -> new String[] {
                        json(template.title()), json(template.summary()), json(template.description()),
                        json(template.easyRead()), array(template.audiences()), array(template.languages()),
                        array(template.digcomp())});
                long organisation = organisations[a.organisation()];
                Instant[] until = until(a.sessions());
                activityRows.add(new Object[] {ids[i], siteId, organisation, t.kind(), a.status(), text[0], text[1],
                        text[2], text[3], text[4], t.minAge(), t.maxAge(), text[5], text[6], a.priceCents(), a.currency(),
                        a.voucherEligible(), a.onlineUrl(), a.durationMinutes(), a.level(), time(a.createdAt()),
                        time(a.publishedAt() == null ? a.createdAt() : a.publishedAt()), time(a.publishedAt()),
                        topicArray(t.topics(), topicIds), time(until[0]), time(until[1]), time(until[2])});
                for (String topic : t.topics()) {
                    topicRows.add(new Object[] {ids[i], topicIds.get(topic)});
                }
                for (Session s : a.sessions()) {
                    sessionRows.add(new Object[] {siteId, organisation, ids[i], s.venue() == null ? null : venues[s.venue()],
                            s.onlineUrl(), time(s.startsAt()), time(s.endsAt()), s.capacity(), s.status(), s.seriesRule()});
                }
            }
            Batch.insert(jdbc, """
                    INSERT INTO activity (id, site_id, organisation_id, kind, status, title, summary, description, easy_read,
                                          audiences, min_age, max_age, languages, digcomp, price_cents, currency,
                                          voucher_eligible, online_url, duration_minutes, level, created_at, updated_at,
                                          published_at, topic_ids, sessions_until, online_until, in_person_until)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::text[], ?, ?, ?::text[], ?::text[],
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?)
                    """, activityRows, ACTIVITY_TYPES);
            Batch.insert(jdbc, "INSERT INTO activity_topic (activity_id, topic_id) VALUES (?, ?)", topicRows,
                    new int[] {Types.BIGINT, Types.BIGINT});
            Batch.insert(jdbc, """
                    INSERT INTO session (site_id, organisation_id, activity_id, venue_id, online_url, starts_at, ends_at,
                                         capacity, status, series_rule)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, sessionRows, SESSION_TYPES);
        }
    }

    /** The end of the last scheduled session: any, online, at a venue (what the session triggers keep). */
    private static Instant[] until(List<Session> sessions) {
        Instant[] until = new Instant[3];
        for (Session s : sessions) {
            if (!s.status().equals("SCHEDULED")) {
                continue;
            }
            until[0] = later(until[0], s.endsAt());
            if (s.venue() == null) {
                until[1] = later(until[1], s.endsAt());
            } else {
                until[2] = later(until[2], s.endsAt());
            }
        }
        return until;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** The activity's topic ids in ascending order, as a PostgreSQL array literal. */
    private static String topicArray(List<String> slugs, Map<String, Long> topicIds) {
        return slugs.stream().map(topicIds::get).distinct().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private void member(String email, long organisation, String role) {
        jdbc.update("""
                INSERT INTO membership (account_id, organisation_id, role)
                SELECT id, ?, ? FROM account WHERE lower(email) = lower(?)
                """, organisation, role, email);
    }

    /** Ids taken from the table's own sequence, so rows can refer to each other before they are written. */
    private long[] ids(String table, int count) {
        if (count == 0) {
            return new long[0];
        }
        return jdbc.queryForList("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
                Long.class, table, count).stream().mapToLong(Long::longValue).toArray();
    }

    private static String json(Map<String, String> text) {
        return Json.json(new LocalizedText(text));
    }

    /** A PostgreSQL array literal, each element quoted. */
    static String array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
