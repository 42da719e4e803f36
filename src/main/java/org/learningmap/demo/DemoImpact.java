package org.learningmap.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A year of what already happened, for the impact dashboard: the demo catalogue's sessions are all
 * in the coming months, so this writes the facts of past sessions of some of its activities
 * (sessions held, sign-ups, attendances by about 600 anonymous people per site, badges, volunteer
 * hours, 1:1 help, before/after self-ratings) into the impact module's fact table and derives its
 * figures with {@code impact_rebuild()}. Runs after the catalogue (its activities must exist).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoImpact implements DemoContent {

    static final int PEOPLE_PER_SITE = 600;
    static final int ACTIVITIES_PER_SITE = 48;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoImpact(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void generate(Map<String, Long> siteIds, Gazetteer gazetteer) {
        jdbc.queryForObject("SELECT setseed(0.2026)", Object.class);
        for (long siteId : siteIds.values().stream().sorted().toList()) {
            ZoneId zone = ZoneId.of(jdbc.queryForObject("SELECT time_zone FROM site WHERE id = ?", String.class, siteId));
            LocalDate today = LocalDate.now(clock.withZone(zone));
            jdbc.update("""
                    INSERT INTO impact_person (person_key)
                    SELECT decode(md5('demo-person-' || ? || '-' || g), 'hex') FROM generate_series(1, ?) g
                    ON CONFLICT DO NOTHING
                    """, siteId, PEOPLE_PER_SITE);
            long firstPerson = jdbc.queryForObject("SELECT id FROM impact_person WHERE person_key = decode(md5('demo-person-' || ? || '-1'), 'hex')",
                    Long.class, siteId);
            jdbc.execute("DROP TABLE IF EXISTS demo_impact_activity");
            jdbc.update("""
                    CREATE TEMP TABLE demo_impact_activity ON COMMIT DROP AS
                    SELECT a.id, a.site_id, a.organisation_id, coalesce(v.area_id, 0) AS area_id,
                           ARRAY(SELECT t.topic_id FROM activity_topic t WHERE t.activity_id = a.id ORDER BY 1) AS topic_ids,
                           ARRAY(SELECT x FROM unnest(a.audiences) x ORDER BY 1) AS audiences,
                           row_number() OVER (ORDER BY a.id) AS n
                      FROM activity a
                      JOIN LATERAL (SELECT s.venue_id FROM session s WHERE s.activity_id = a.id AND s.venue_id IS NOT NULL
                                     ORDER BY s.starts_at, s.id LIMIT 1) first ON true
                      JOIN venue v ON v.id = first.venue_id
                     WHERE a.site_id = ? AND a.status = 'PUBLISHED'
                     ORDER BY a.id LIMIT ?
                    """, siteId, ACTIVITIES_PER_SITE);
            jdbc.update("""
                    INSERT INTO impact_profile (site_id, topic_ids, audiences)
                    SELECT DISTINCT site_id, topic_ids, audiences FROM demo_impact_activity ON CONFLICT DO NOTHING
                    """);
            // Each activity met every other week over the past year; each session had 4 to 15 people.
            jdbc.update("""
                    CREATE TEMP TABLE demo_impact_session ON COMMIT DROP AS
                    SELECT row_number() OVER () AS session, a.site_id, a.organisation_id, a.area_id, p.id AS profile_id,
                           (?::date - (w * 14 + (a.n % 14))::int) AS day, 4 + floor(random() * 12)::int AS people
                      FROM demo_impact_activity a
                      JOIN impact_profile p ON p.site_id = a.site_id AND p.topic_ids = a.topic_ids AND p.audiences = a.audiences
                     CROSS JOIN generate_series(1, 26) w
                     WHERE random() < 0.6
                    """, java.sql.Date.valueOf(today));
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, delta, source)
                    SELECT site_id, organisation_id, area_id, profile_id, 'SESSION_HELD', day, 1, 'demo-session:' || ? || ':' || session
                      FROM demo_impact_session
                    """, siteId);
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta)
                    SELECT s.site_id, s.organisation_id, s.area_id, s.profile_id, k.kind, s.day,
                           ? + floor(random() * ?)::bigint, 1
                      FROM demo_impact_session s
                     CROSS JOIN LATERAL generate_series(1, s.people + 2) g
                     CROSS JOIN LATERAL (SELECT CASE WHEN g <= s.people THEN 'ATTENDANCE' ELSE 'ENROLMENT' END AS kind) k
                    """, firstPerson, PEOPLE_PER_SITE);
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta)
                    SELECT site_id, organisation_id, area_id, profile_id, 'ENROLMENT', day, person_id, 1
                      FROM impact_fact WHERE site_id = ? AND kind = 'ATTENDANCE'
                    """, siteId);
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta)
                    SELECT site_id, organisation_id, 0, 0, 'BADGE', day, person_id, 1
                      FROM impact_fact WHERE site_id = ? AND kind = 'ATTENDANCE' AND random() < 0.3
                    """, siteId);
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, delta)
                    SELECT site_id, organisation_id, 0, 0, 'VOLUNTEER_MINUTES', day, 90 + floor(random() * 4)::int * 30
                      FROM demo_impact_session WHERE random() < 0.5
                    """);
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta)
                    SELECT site_id, organisation_id, area_id, 0, 'HELP', day, ? + floor(random() * ?)::bigint, 1
                      FROM demo_impact_session WHERE random() < 0.35
                    """, firstPerson, PEOPLE_PER_SITE);
            // Before/after self-ratings: one in three sessions, most people a little more confident afterwards.
            jdbc.update("""
                    INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, delta, amount)
                    SELECT s.site_id, s.organisation_id, s.area_id, s.profile_id, k.kind, s.day, 1,
                           CASE WHEN k.kind = 'RATING_BEFORE' THEN 25 + floor(random() * 30)::int ELSE 50 + floor(random() * 35)::int END
                      FROM demo_impact_session s
                     CROSS JOIN (VALUES ('RATING_BEFORE'), ('RATING_AFTER')) k(kind)
                     CROSS JOIN LATERAL generate_series(1, s.people) g
                     WHERE s.session % 3 = 0
                    """);
            jdbc.execute("DROP TABLE demo_impact_session");
            jdbc.execute("DROP TABLE demo_impact_activity");
        }
        jdbc.queryForObject("SELECT impact_rebuild()", Object.class);
    }
}
