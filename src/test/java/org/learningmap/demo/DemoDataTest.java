package org.learningmap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.learningmap.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo as it lands in PostgreSQL on the first start (the tests' small volume of activities). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
// A database of its own: other tests add activities and organisations to the shared one.
@org.springframework.test.context.TestPropertySource(properties = "learningmap.demo-data.enabled=true")
class DemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Value("${learningmap.demo-data.activities-per-site}")
    int activitiesPerSite;

    @Test
    void bothSitesHaveTheirTopicsOrganisationsAndVenues() {
        for (String slug : List.of("lietuva", "ukraina")) {
            long site = site(slug);
            assertThat(count("SELECT count(*) FROM topic WHERE site_id = ?", site)).isEqualTo(12);
            assertThat(count("SELECT count(*) FROM organisation WHERE site_id = ?", site)).isGreaterThanOrEqualTo(30);
            assertThat(count("SELECT count(*) FROM organisation WHERE site_id = ? AND status = 'PENDING'", site)).isBetween(2L, 3L);
            assertThat(count("SELECT count(*) FROM organisation WHERE site_id = ? AND status = 'APPROVED' AND verified", site))
                    .isGreaterThanOrEqualTo(25);
            assertThat(count("SELECT count(*) FROM venue WHERE site_id = ?", site)).isGreaterThanOrEqualTo(100);
            assertThat(count("SELECT count(*) FROM activity WHERE site_id = ?", site)).isEqualTo(activitiesPerSite);
            assertThat(count("SELECT count(DISTINCT area_id) FROM venue WHERE site_id = ?", site)).isGreaterThanOrEqualTo(10);
        }
        assertThat(count("SELECT count(*) FROM organisation")).isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*) FROM venue")).isGreaterThanOrEqualTo(200);
        // The coordinator's queue has applications, and pending organisations publish nothing.
        assertThat(count("""
                SELECT count(*) FROM activity a JOIN organisation o ON o.id = a.organisation_id WHERE o.status <> 'APPROVED'
                """)).isZero();
    }

    @Test
    void everyActivityReadsInEnglishLithuanianAndUkrainianWithTopicsAndAudiences() {
        assertThat(count("""
                SELECT count(*) FROM activity
                WHERE NOT (jsonb_exists_all(title, array['en', 'lt', 'uk']) AND jsonb_exists_all(summary, array['en', 'lt', 'uk'])
                           AND jsonb_exists_all(description, array['en', 'lt', 'uk'])
                           AND jsonb_exists_all(easy_read, array['en', 'lt', 'uk']))
                """)).isZero();
        assertThat(count("SELECT count(*) FROM activity a WHERE NOT EXISTS (SELECT 1 FROM activity_topic t WHERE t.activity_id = a.id)"))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM activity_topic at JOIN activity a ON a.id = at.activity_id JOIN topic t ON t.id = at.topic_id
                WHERE t.site_id <> a.site_id
                """)).isZero();
        assertThat(count("SELECT count(*) FROM activity WHERE cardinality(audiences) = 0 OR cardinality(languages) = 0")).isZero();
        assertThat(count("SELECT count(*) FROM activity WHERE status = 'PUBLISHED'"))
                .isGreaterThan(count("SELECT count(*) FROM activity") * 8 / 10);
        assertThat(count("SELECT count(*) FROM activity WHERE status = 'DRAFT'")).isPositive();
        assertThat(count("SELECT count(*) FROM activity WHERE kind = 'ONLINE_COURSE' AND online_url LIKE 'https://%'")).isPositive();
        assertThat(count("SELECT count(*) FROM session WHERE venue_id IS NULL AND online_url LIKE 'https://%'")).isPositive();
        assertThat(count("SELECT count(*) FROM session WHERE venue_id IS NULL AND online_url IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM session WHERE series_rule LIKE 'FREQ=WEEKLY;%'")).isPositive();
        assertThat(count("SELECT count(*) FROM session s JOIN venue v ON v.id = s.venue_id WHERE v.organisation_id <> s.organisation_id"))
                .isZero();
    }

    @Test
    void sessionsLieWithinTheComingThreeMonthsOfEachSitesZone() {
        for (var site : Map.of("lietuva", "Europe/Vilnius", "ukraina", "Europe/Kyiv").entrySet()) {
            ZoneId zone = ZoneId.of(site.getValue());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Timestamp from = Timestamp.from(today.atStartOfDay(zone).toInstant());
            Timestamp until = Timestamp.from(today.plusMonths(3).plusDays(1).atStartOfDay(zone).toInstant());
            long siteId = site(site.getKey());
            long all = count("SELECT count(*) FROM session WHERE site_id = ?", siteId);
            assertThat(all).isGreaterThan(activitiesPerSite);
            assertThat(count("SELECT count(*) FROM session WHERE site_id = ? AND starts_at >= ? AND ends_at < ?",
                    siteId, from, until)).isEqualTo(all);
            long cancelled = count("SELECT count(*) FROM session WHERE site_id = ? AND status = 'CANCELLED'", siteId);
            assertThat(cancelled).isPositive().isLessThan(all / 8);
        }
    }

    /** The countries' extreme points: south, north, west, east. */
    private static final Map<String, double[]> COUNTRIES = Map.of(
            "LT", new double[] {53.89, 56.46, 20.93, 26.84},
            "UA", new double[] {44.38, 52.38, 22.13, 40.23});

    @Test
    void venuesLieInsideTheirCountryAndInTheAreaOfTheirTown() {
        Gazetteer gazetteer = Gazetteer.load();
        for (var site : Map.of("lietuva", "LT", "ukraina", "UA").entrySet()) {
            String country = site.getValue();
            double[] box = COUNTRIES.get(country);
            Map<String, List<Places.Place>> byName = Places.byArea(gazetteer, country).values().stream()
                    .flatMap(List::stream).collect(Collectors.groupingBy(Places.Place::localName));
            List<Map<String, Object>> venues = jdbc.sql("""
                            SELECT v.town, v.lat, v.lon, v.address, a.code, v.accessibility::text AS facts, v.opening_hours::text AS hours
                            FROM venue v JOIN area a ON a.id = v.area_id WHERE v.site_id = ?
                            """).param(site(site.getKey())).query().listOfRows();
            assertThat(venues).hasSizeGreaterThanOrEqualTo(100).allSatisfy(venue -> {
                double lat = ((Number) venue.get("lat")).doubleValue();
                double lon = ((Number) venue.get("lon")).doubleValue();
                assertThat(lat).isBetween(box[0], box[1]);
                assertThat(lon).isBetween(box[2], box[3]);
                assertThat(byName.get((String) venue.get("town"))).as("a town called %s", venue.get("town"))
                        .anySatisfy(place -> {
                            assertThat(country + "-" + place.areaCode()).isEqualTo(venue.get("code"));
                            assertThat(place.points().stream().mapToDouble(p -> p.kilometresTo(new GeoPoint(lat, lon))).min()
                                    .orElseThrow()).isLessThan(5);
                        });
                assertThat((String) venue.get("hours")).contains("\"tue\"");
            });
            assertThat(venues.stream().map(v -> v.get("facts")).distinct().count()).isGreaterThan(10);
        }
    }

    @Test
    void theSameDayGivesTheSameTitlesAndCoordinatesAsWhatWasLoaded() {
        DemoPlanner planner = new DemoPlanner(CatalogueTemplates.load(), Gazetteer.load());
        DemoPlan plan = planner.plan("LT", ZoneId.of("Europe/Vilnius"), clock.instant(), activitiesPerSite);
        long site = site("lietuva");
        List<String> titles = jdbc.sql("SELECT title ->> 'en' FROM activity WHERE site_id = ? ORDER BY id")
                .param(site).query(String.class).list();
        List<String> coordinates = jdbc.sql("SELECT lat || ',' || lon FROM venue WHERE site_id = ? ORDER BY id")
                .param(site).query(String.class).list();
        assertThat(titles).isEqualTo(plan.activities().stream().map(a -> a.template().title().get("en")).toList());
        List<String> planned = new ArrayList<>();
        plan.venues().forEach(v -> planned.add(v.lat() + "," + v.lon()));
        assertThat(coordinates).isEqualTo(planned);
    }

    @Test
    void theDemoStaffWorkForOneLithuanianLibraryAndOneUkrainianLibrary() {
        Map<String, String> roles = jdbc.sql("""
                        SELECT acc.email, m.role || ' ' || o.kind || ' ' || s.slug || ' ' || o.id AS membership
                        FROM membership m JOIN account acc ON acc.id = m.account_id
                        JOIN organisation o ON o.id = m.organisation_id JOIN site s ON s.id = o.site_id
                        """).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(roles).containsOnlyKeys(DemoAccounts.OWNER, DemoAccounts.EDITOR, DemoAccounts.EDUCATOR, DemoAccounts.OWNER_UA);
        String library = roles.get(DemoAccounts.OWNER).substring("OWNER ".length());
        assertThat(library).startsWith("LIBRARY lietuva ");
        assertThat(roles.get(DemoAccounts.EDITOR)).isEqualTo("EDITOR " + library);
        assertThat(roles.get(DemoAccounts.EDUCATOR)).isEqualTo("EDUCATOR " + library);
        assertThat(roles.get(DemoAccounts.OWNER_UA)).startsWith("OWNER LIBRARY ukraina ");
        long libraryId = Long.parseLong(library.substring(library.lastIndexOf(' ') + 1));
        assertThat(count("SELECT count(*) FROM activity WHERE organisation_id = ? AND status = 'PUBLISHED'", libraryId))
                .as("the demo library has published activities to work with").isPositive();
        assertThat(count("SELECT count(DISTINCT password_hash) FROM account")).isEqualTo(1);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private static final String DERIVED = """
            SELECT id || ' ' || topic_ids::text || ' ' || coalesce(sessions_until::text, '-') || ' '
                   || coalesce(online_until::text, '-') || ' ' || coalesce(in_person_until::text, '-')
            FROM activity ORDER BY id
            """;
    private static final String FORGET_DERIVED = """
            UPDATE activity SET topic_ids = '{}', sessions_until = NULL, online_until = NULL, in_person_until = NULL
            """;

    @Test
    void theLoadWritesTheSameTopicsAndSessionEndsAsTheTriggersAndTheSetWiseRefresh() {
        List<String> loaded = jdbc.sql(DERIVED).query(String.class).list();
        assertThat(count("SELECT count(*) FROM activity WHERE sessions_until IS NOT NULL AND cardinality(topic_ids) > 0"))
                .isGreaterThan(activitiesPerSite);
        assertThat(count("SELECT count(*) FROM activity WHERE online_until IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM activity WHERE in_person_until IS NOT NULL")).isPositive();

        // What the session and topic triggers compute for every activity.
        List<String> byTriggers = rolledBack(() -> {
            jdbc.sql(FORGET_DERIVED).update();
            jdbc.sql("SELECT lm_refresh_activity_sessions(ARRAY(SELECT id FROM activity)), "
                    + "lm_refresh_activity_topics(ARRAY(SELECT id FROM activity))").query().singleRow();
            return jdbc.sql(DERIVED).query(String.class).list();
        });
        assertThat(loaded).isEqualTo(byTriggers);

        // What a bulk load's set-wise refresh computes.
        List<String> setWise = rolledBack(() -> {
            jdbc.sql(FORGET_DERIVED).update();
            jdbc.sql("SELECT lm_derive_activity_columns(id) FROM site").query().listOfRows();
            return jdbc.sql(DERIVED).query(String.class).list();
        });
        assertThat(setWise).isEqualTo(byTriggers);
    }

    @Test
    void anOrdinaryNewSessionStillMovesItsActivitysEndWhileTheLoadingSwitchIsOffElsewhere() {
        rolledBack(() -> {
            long activity = count("SELECT min(id) FROM activity WHERE sessions_until IS NOT NULL AND in_person_until IS NOT NULL");
            jdbc.sql("""
                    INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity, status)
                    SELECT site_id, organisation_id, id, 'https://example.org/late', now() + interval '400 days',
                           now() + interval '401 days', 10, 'SCHEDULED' FROM activity WHERE id = ?
                    """).param(activity).update();
            assertThat(count("""
                    SELECT count(*) FROM activity WHERE id = ? AND sessions_until > now() + interval '399 days'
                      AND online_until = sessions_until
                    """, activity)).isEqualTo(1);
            return null;
        });
    }

    private <T> T rolledBack(java.util.function.Supplier<T> work) {
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
