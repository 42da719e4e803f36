package org.learningmap.map;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sites, organisations, venues, activities and sessions written with SQL, each test on a site of its own. */
class MapFixture {

    private static final AtomicInteger SITES = new AtomicInteger();

    final JdbcClient jdbc;
    final long siteId;
    final String slug;
    final long organisationId;

    MapFixture(JdbcClient jdbc, Sites sites, String name) {
        this.jdbc = jdbc;
        this.slug = name + "-" + SITES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        this.siteId = jdbc.sql("""
                        INSERT INTO site (slug, name, country, languages, default_language, time_zone, centre_lat, centre_lon, default_zoom)
                        VALUES (?, '{"en": "Map test", "lt": "Žemėlapio bandymas"}', 'LT', '{lt,en,uk}', 'lt', 'Europe/Vilnius', 55.2, 23.9, 7)
                        RETURNING id
                        """)
                .param(slug).query(Long.class).single();
        this.organisationId = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status) VALUES (?, 'library', 'LIBRARY',
                        '{"en": "Public library", "lt": "Viešoji biblioteka"}', 'APPROVED') RETURNING id
                        """)
                .param(siteId).query(Long.class).single();
        sites.refresh();
    }

    long venue(String nameEn, String nameLt, String town, String address, double lat, double lon, String... access) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon, accessibility)
                        VALUES (:site, :organisation, 'LIBRARY', jsonb_build_object('en', CAST(:en AS text), 'lt', CAST(:lt AS text)),
                                :address, :town, :lat, :lon, CAST(:access AS text[]))
                        RETURNING id
                        """)
                .param("site", siteId).param("organisation", organisationId).param("en", nameEn).param("lt", nameLt)
                .param("address", address).param("town", town).param("lat", lat).param("lon", lon)
                .param("access", "{" + String.join(",", access) + "}")
                .query(Long.class).single();
    }

    long topic(String slug, String nameEn) {
        return jdbc.sql("INSERT INTO topic (site_id, slug, name) VALUES (?, ?, jsonb_build_object('en', CAST(? AS text))) RETURNING id")
                .params(siteId, slug, nameEn).query(Long.class).single();
    }

    long activity(String titleEn, String status, int priceCents, String language, Long... topicIds) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, price_cents)
                        VALUES (:site, :organisation, 'CLASS', :status, jsonb_build_object('en', CAST(:title AS text)),
                                '{ADULTS}', CAST(:languages AS text[]), :price)
                        RETURNING id
                        """)
                .param("site", siteId).param("organisation", organisationId).param("status", status)
                .param("title", titleEn).param("languages", "{" + language + "}").param("price", priceCents)
                .query(Long.class).single();
        for (Long topic : topicIds) {
            jdbc.sql("INSERT INTO activity_topic (activity_id, topic_id) VALUES (?, ?)").params(id, topic).update();
        }
        return id;
    }

    long session(long activityId, long venueId, Duration fromNow, String status) {
        Instant starts = Instant.now().plus(fromNow);
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, activityId, venueId, Timestamp.from(starts),
                        Timestamp.from(starts.plus(Duration.ofHours(2))), status)
                .query(Long.class).single();
    }

    /** A published activity with two upcoming sessions at the venue. */
    long offer(long venueId, String titleEn, int priceCents, String language, Long... topicIds) {
        long activity = activity(titleEn, "PUBLISHED", priceCents, language, topicIds);
        session(activity, venueId, Duration.ofDays(3), "SCHEDULED");
        session(activity, venueId, Duration.ofDays(10), "SCHEDULED");
        return activity;
    }

    void place(String name, double lat, double lon, int population) {
        jdbc.sql("INSERT INTO place_name (site_id, name, population, lat, lon) VALUES (?, ?, ?, ?, ?)")
                .params(siteId, name, population, lat, lon).update();
    }

    String path(String path) {
        return "/" + slug + path;
    }
}
