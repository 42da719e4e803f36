package org.learningmap.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for catalogue tests, written with SQL as the staff pages would leave them. Each test class
 * makes its own site, so what other tests and the demo data add never changes its results.
 */
class CatalogueFixture {

    final JdbcClient jdbc;

    CatalogueFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site(String zone) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.sql("""
                        INSERT INTO site (slug, name, country, languages, default_language, time_zone, centre_lat, centre_lon)
                        VALUES (?, ?::jsonb, 'LT', '{lt,en,uk}', 'lt', ?, 54.7, 25.3) RETURNING id
                        """)
                .params(slug, Json.json(LocalizedText.of("Test site " + slug, "Bandomoji " + slug, "Тестовий " + slug)), zone)
                .query(Long.class).single();
    }

    String slugOf(long siteId) {
        return jdbc.sql("SELECT slug FROM site WHERE id = ?").param(siteId).query(String.class).single();
    }

    long organisation(long siteId, String name) {
        return jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status)
                        VALUES (?, ?, 'LIBRARY', ?::jsonb, 'APPROVED') RETURNING id
                        """)
                .params(siteId, "o-" + UUID.randomUUID().toString().substring(0, 8), Json.json(LocalizedText.of("en", name)))
                .query(Long.class).single();
    }

    long venue(long siteId, long organisationId, String name, String town, double lat, double lon, String... accessibility) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon, accessibility)
                        VALUES (?, ?, 'LIBRARY_BRANCH', ?::jsonb, ?, ?, ?, ?, ?::text[]) RETURNING id
                        """)
                .params(siteId, organisationId, Json.json(LocalizedText.of("en", name)), "Gedimino pr. 1", town, lat, lon,
                        SearchFilters.arrayLiteral(List.of(accessibility)))
                .query(Long.class).single();
    }

    long topic(long siteId, String slug, String en, String lt, String uk) {
        return jdbc.sql("INSERT INTO topic (site_id, slug, name, position) VALUES (?, ?, ?::jsonb, 0) RETURNING id")
                .params(siteId, slug, Json.json(LocalizedText.of(en, lt, uk)))
                .query(Long.class).single();
    }

    Activity activity(long siteId, long organisationId) {
        return new Activity(siteId, organisationId);
    }

    long session(long activityId, Long venueId, Instant start, Instant end) {
        return session(activityId, venueId, start, end, "SCHEDULED");
    }

    long session(long activityId, Long venueId, Instant start, Instant end, String status) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, online_url, starts_at, ends_at, status)
                        SELECT a.site_id, a.organisation_id, a.id, ?, ?, ?, ?, ? FROM activity a WHERE a.id = ?
                        RETURNING id
                        """)
                .params(venueId, venueId == null ? "https://meet.example.org/room" : null,
                        java.sql.Timestamp.from(start), java.sql.Timestamp.from(end), status, activityId)
                .query(Long.class).single();
    }

    /** An activity being described; {@link #insert()} writes it. */
    final class Activity {
        private final long siteId;
        private final long organisationId;
        private LocalizedText title = LocalizedText.of("en", "Untitled");
        private LocalizedText summary = LocalizedText.EMPTY;
        private LocalizedText description = LocalizedText.EMPTY;
        private LocalizedText easyRead = LocalizedText.EMPTY;
        private String kind = "CLASS";
        private String status = "PUBLISHED";
        private List<String> audiences = List.of("ADULTS");
        private List<String> languages = List.of("lt");
        private List<String> digcomp = List.of();
        private Integer minAge;
        private Integer maxAge;
        private int priceCents;
        private final List<Long> topics = new ArrayList<>();

        private Activity(long siteId, long organisationId) {
            this.siteId = siteId;
            this.organisationId = organisationId;
        }

        Activity title(String en, String lt, String uk) {
            title = LocalizedText.of(en, lt, uk);
            return this;
        }

        Activity title(String en) {
            title = LocalizedText.of("en", en);
            return this;
        }

        Activity summary(String en) {
            summary = LocalizedText.of("en", en);
            return this;
        }

        Activity summary(String en, String lt, String uk) {
            summary = LocalizedText.of(en, lt, uk);
            return this;
        }

        Activity description(String en) {
            description = LocalizedText.of("en", en);
            return this;
        }

        Activity easyRead(String en, String lt, String uk) {
            easyRead = LocalizedText.of(en, lt, uk);
            return this;
        }

        Activity kind(String value) {
            kind = value;
            return this;
        }

        Activity status(String value) {
            status = value;
            return this;
        }

        Activity audiences(String... values) {
            audiences = List.of(values);
            return this;
        }

        Activity languages(String... values) {
            languages = List.of(values);
            return this;
        }

        Activity digcomp(String... values) {
            digcomp = List.of(values);
            return this;
        }

        Activity ages(Integer min, Integer max) {
            minAge = min;
            maxAge = max;
            return this;
        }

        Activity price(int cents) {
            priceCents = cents;
            return this;
        }

        Activity topic(long topicId) {
            topics.add(topicId);
            return this;
        }

        long insert() {
            long id = jdbc.sql("""
                            INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, description, easy_read,
                                                  audiences, languages, digcomp, min_age, max_age, price_cents, published_at)
                            VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::text[], ?::text[], ?::text[], ?, ?, ?, now())
                            RETURNING id
                            """)
                    .params(siteId, organisationId, kind, status, Json.json(title), Json.json(summary), Json.json(description),
                            Json.json(easyRead), SearchFilters.arrayLiteral(audiences), SearchFilters.arrayLiteral(languages),
                            SearchFilters.arrayLiteral(digcomp), minAge, maxAge, priceCents)
                    .query(Long.class).single();
            for (long topic : topics) {
                jdbc.sql("INSERT INTO activity_topic (activity_id, topic_id) VALUES (?, ?)").params(id, topic).update();
            }
            return id;
        }
    }
}
