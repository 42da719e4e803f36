package org.learningmap.impact;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site of its own for each test (so the demo's figures never mix in): two areas with their
 * population, two organisations with a venue in each area, and past sessions to count.
 */
class ImpactFixture {

    static final ZoneId ZONE = ZoneId.of("Europe/Vilnius");

    final JdbcClient jdbc;
    final EditingFixtures fixtures;
    final String slug;
    final long siteId;
    final long north;
    final long south;
    final long orgA;
    final long orgB;
    final long venueNorthA;
    final long venueSouthB;
    final long topicPhones;
    final long topicScams;

    ImpactFixture(JdbcClient jdbc, EditingFixtures fixtures, org.learningmap.sites.Sites sites) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.slug = "impact-" + UUID.randomUUID().toString().substring(0, 8);
        this.siteId = jdbc.sql("""
                        INSERT INTO site (slug, name, country, languages, default_language, time_zone, centre_lat, centre_lon)
                        VALUES (?, '{"en": "Impact test", "lt": "Poveikio bandymas", "uk": "Тест впливу"}', 'LT', '{lt,en,uk}', 'en',
                                'Europe/Vilnius', 55.0, 24.0) RETURNING id
                        """)
                .param(slug).query(Long.class).single();
        this.north = area("N", "North County", 10_000);
        this.south = area("S", "South County", 2_000);
        this.orgA = fixtures.organisation(siteId, "Library A " + slug, "APPROVED");
        this.orgB = fixtures.organisation(siteId, "Youth centre B " + slug, "APPROVED");
        this.venueNorthA = venue(orgA, north, "North branch");
        this.venueSouthB = venue(orgB, south, "South hub");
        this.topicPhones = topic("phones", "Smartphones");
        this.topicScams = topic("scams", "Online safety");
        sites.refresh();
    }

    private long area(String code, String name, int population) {
        return jdbc.sql("INSERT INTO area (site_id, code, name, population) VALUES (?, ?, jsonb_build_object('en', ?::text, 'lt', ?::text), ?) RETURNING id")
                .params(siteId, slug + "-" + code, name, name, population).query(Long.class).single();
    }

    private long venue(long organisationId, long areaId, String name) {
        long id = fixtures.venue(siteId, organisationId, name, "Town");
        jdbc.sql("UPDATE venue SET area_id = ? WHERE id = ?").params(areaId, id).update();
        return id;
    }

    private long topic(String topicSlug, String name) {
        return jdbc.sql("INSERT INTO topic (site_id, slug, name) VALUES (?, ?, jsonb_build_object('en', ?::text)) RETURNING id")
                .params(siteId, topicSlug, name).query(Long.class).single();
    }

    /** A published class with one topic, for seniors or for everyone. */
    long activity(long organisationId, long topicId, String audience) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en": "Phone basics"}', ?::text[], now()) RETURNING id
                        """)
                .params(siteId, organisationId, audience == null ? "{}" : "{" + audience + "}").query(Long.class).single();
        jdbc.sql("INSERT INTO activity_topic (activity_id, topic_id) VALUES (?, ?)").params(id, topicId).update();
        return id;
    }

    /** A session of the activity at the venue, starting at this local date and time. */
    long session(long activityId, long organisationId, long venueId, String localStart) {
        Instant start = LocalDateTime.parse(localStart).atZone(ZONE).toInstant();
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, activityId, venueId, Timestamp.from(start), Timestamp.from(start.plusSeconds(5400)))
                .query(Long.class).single();
    }

    long person(String name) {
        return fixtures.account(name + " " + slug);
    }

    String path(String path) {
        return "/" + slug + path;
    }
}
