package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The clusters API against the embedded PostgreSQL, on a site with venues in Kaunas, Vilnius and Klaipėda. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClustersApiTest {

    static final String WORLD = "-180,-85,180,85";
    static final String LITHUANIA = "20.9,53.8,26.9,56.5";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    MapFixture lt;
    List<Long> kaunas = new ArrayList<>();
    List<Long> vilnius = new ArrayList<>();
    long klaipeda;
    long onlyCancelled;
    long onlyPast;
    long onlyDraft;
    long roboticsVenue;

    /** Kaunas's venues lie north of 54.9019°, where the grid of zoom 7 has a cell edge, so they make one cluster. */
    @BeforeAll
    void venuesInThreeTowns() {
        lt = new MapFixture(jdbc, sites, "clusters");
        long digital = lt.topic("digital", "Digital skills");
        long languages = lt.topic("languages", "Languages");
        for (int i = 0; i < 5; i++) {
            long venue = lt.venue("Kaunas branch " + i, "Kauno filialas " + i, "Kaunas", "Laisvės al. " + (10 + i),
                    54.91 + i * 0.007, 23.885 + i * 0.007, i % 2 == 0 ? "STEP_FREE" : "QUIET_ROOM");
            kaunas.add(venue);
            lt.offer(venue, "Smartphone basics " + i, 0, "lt", digital);
        }
        roboticsVenue = kaunas.getFirst();
        lt.offer(roboticsVenue, "Robotics club", 1500, "uk", digital);
        for (int i = 0; i < 4; i++) {
            long venue = lt.venue("Vilnius branch " + i, "Vilniaus filialas " + i, "Vilnius", "Gedimino pr. " + (1 + i),
                    54.675 + i * 0.008, 25.265 + i * 0.008);
            vilnius.add(venue);
            lt.offer(venue, "Lithuanian for beginners " + i, 2000, "lt", languages);
        }
        klaipeda = lt.venue("Klaipėda library", "Klaipėdos biblioteka", "Klaipėda", "Turgaus g. 8", 55.7103, 21.1318);
        lt.offer(klaipeda, "Online safety", 0, "lt", digital);

        onlyCancelled = lt.venue("Cancelled venue", "Atšaukta vieta", "Kaunas", "Savanorių pr. 1", 54.9, 23.93);
        long cancelled = lt.activity("Cancelled class", "PUBLISHED", 0, "lt", digital);
        lt.session(cancelled, onlyCancelled, Duration.ofDays(2), "CANCELLED");
        onlyPast = lt.venue("Past venue", "Praeities vieta", "Kaunas", "Savanorių pr. 2", 54.91, 23.94);
        long past = lt.activity("Past class", "PUBLISHED", 0, "lt", digital);
        lt.session(past, onlyPast, Duration.ofDays(-2), "SCHEDULED");
        onlyDraft = lt.venue("Draft venue", "Juodraščio vieta", "Vilnius", "Pylimo g. 3", 54.68, 25.27);
        long draft = lt.activity("Draft class", "DRAFT", 0, "lt", digital);
        lt.session(draft, onlyDraft, Duration.ofDays(2), "SCHEDULED");
    }

    @Test
    void theClustersOfEveryZoomAddUpToTheMatchingVenuesAndTheirActivities() throws Exception {
        for (int zoom = 0; zoom <= 20; zoom++) {
            JsonNode answer = clusters("bbox=" + WORLD + "&zoom=" + zoom);
            assertThat(sum(answer, "count")).as("venues at zoom %d", zoom).isEqualTo(10);
            assertThat(sum(answer, "activities")).as("activities at zoom %d", zoom).isEqualTo(11);
            assertThat(answer.get("venues").asInt()).isEqualTo(10);
        }
    }

    @Test
    void aWholeCountryViewGroupsEachTownsVenuesIntoOneCluster() throws Exception {
        JsonNode answer = clusters("bbox=" + LITHUANIA + "&zoom=7&lang=en");
        assertThat(answer.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(answer.get("features")).hasSize(3);
        Map<Integer, JsonNode> byCount = new java.util.HashMap<>();
        answer.get("features").forEach(feature -> byCount.put(feature.get("properties").get("count").asInt(), feature));
        assertThat(byCount.keySet()).containsExactlyInAnyOrder(5, 4, 1);

        JsonNode kaunasCluster = byCount.get(5);
        assertThat(kaunasCluster.get("geometry").get("type").asString()).isEqualTo("Point");
        double lon = kaunasCluster.get("geometry").get("coordinates").get(0).asDouble();
        double lat = kaunasCluster.get("geometry").get("coordinates").get(1).asDouble();
        assertThat(lon).isBetween(23.885, 23.92);
        assertThat(lat).isBetween(54.91, 54.938);
        assertThat(kaunasCluster.get("properties").get("activities").asInt()).isEqualTo(6);
        assertThat(kaunasCluster.get("properties").get("expansionZoom").asInt()).isBetween(8, 14);
        assertThat(kaunasCluster.get("properties").has("venueId")).isFalse();
        assertThat(kaunasCluster.get("bbox").get(0).asDouble()).isEqualTo(23.885);
        assertThat(kaunasCluster.get("bbox").get(3).asDouble()).isEqualTo(54.938);

        JsonNode single = byCount.get(1).get("properties");
        assertThat(single.get("venueId").asLong()).isEqualTo(klaipeda);
        assertThat(single.get("name").asString()).isEqualTo("Klaipėda library");
        assertThat(single.get("town").asString()).isEqualTo("Klaipėda");
        assertThat(single.get("url").asString()).endsWith("/" + lt.slug + "/venues/" + klaipeda);
    }

    @Test
    void zoomingToAClustersExpansionZoomSplitsIt() throws Exception {
        JsonNode kaunasCluster = feature(clusters("bbox=" + LITHUANIA + "&zoom=7"), 5);
        int expansion = kaunasCluster.get("properties").get("expansionZoom").asInt();
        String around = "23.8,54.8,24.0,55.0";
        JsonNode before = clusters("bbox=" + around + "&zoom=" + (expansion - 1));
        JsonNode after = clusters("bbox=" + around + "&zoom=" + expansion);
        assertThat(before.get("features")).hasSize(1);
        assertThat(after.get("features").size()).isGreaterThan(1);
        assertThat(sum(after, "count")).isEqualTo(5);
    }

    @Test
    void venuesAreNamedInTheVisitorsLanguage() throws Exception {
        JsonNode answer = clusters("bbox=" + LITHUANIA + "&zoom=14&lang=lt");
        Set<String> names = properties(answer).stream().map(p -> p.get("name").asString()).collect(Collectors.toSet());
        assertThat(names).contains("Klaipėdos biblioteka", "Kauno filialas 0").doesNotContain("Klaipėda library");
    }

    @Test
    void cancelledAndPastSessionsAndDraftActivitiesAreLeftOut() throws Exception {
        Set<Long> shown = venueIds(clusters("bbox=" + WORLD + "&zoom=16"));
        Set<Long> expected = new java.util.HashSet<>(kaunas);
        expected.addAll(vilnius);
        expected.add(klaipeda);
        assertThat(shown).isEqualTo(expected).doesNotContain(onlyCancelled, onlyPast, onlyDraft);
    }

    @Test
    void filtersOfSearchReduceTheCounts() throws Exception {
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&topic=digital"), "count")).isEqualTo(6);
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&topic=languages"), "count")).isEqualTo(4);
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&free=true"), "count")).isEqualTo(6);
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&access=STEP_FREE"), "count")).isEqualTo(3);
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&language=uk"), "count")).isEqualTo(1);
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&mode=ONLINE"), "count")).isZero();
        JsonNode robotics = clusters("bbox=" + WORLD + "&zoom=16&q=robotics");
        assertThat(venueIds(robotics)).containsExactly(roboticsVenue);
        assertThat(sum(robotics, "activities")).isEqualTo(1);
        JsonNode nearKaunas = clusters("bbox=" + WORLD + "&zoom=16&lat=54.9&lon=23.9&radius=30");
        assertThat(venueIds(nearKaunas)).containsExactlyInAnyOrderElementsOf(kaunas);
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Vilnius")).plusDays(1).toString();
        String inFiveDays = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Vilnius")).plusDays(5).toString();
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&from=" + tomorrow + "&to=" + inFiveDays), "count")).isEqualTo(10);
        String inTwoMonths = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Vilnius")).plusMonths(2).toString();
        assertThat(sum(clusters("bbox=" + WORLD + "&zoom=3&from=" + inTwoMonths), "count")).isZero();
    }

    @Test
    void eachSiteShowsOnlyItsOwnVenues() throws Exception {
        MapFixture other = new MapFixture(jdbc, sites, "other");
        long elsewhere = other.venue("Other site's library", "Kitos svetainės biblioteka", "Kaunas", "C g. 3", 54.92, 23.9);
        other.offer(elsewhere, "Smartphone basics elsewhere", 0, "lt");
        assertThat(venueIds(clusters("bbox=" + WORLD + "&zoom=16"))).hasSize(10).doesNotContain(elsewhere);
        assertThat(venueIds(json("/" + other.slug + "/api/v1/map/clusters?bbox=" + WORLD + "&zoom=16"))).containsExactly(elsewhere);
    }

    @Test
    void theBoxLimitsWhatIsShown() throws Exception {
        assertThat(venueIds(clusters("bbox=25.0,54.5,25.5,54.9&zoom=15"))).containsExactlyInAnyOrderElementsOf(vilnius);
        assertThat(clusters("bbox=0,0,1,1&zoom=15").get("features")).isEmpty();
    }

    @Test
    void theMapShowsAChangeAtOnce() throws Exception {
        MapFixture changing = new MapFixture(jdbc, sites, "changing");
        long first = changing.venue("First", "Pirma", "Kaunas", "A g. 1", 54.9, 23.9);
        long firstActivity = changing.offer(first, "Drawing", 0, "lt");
        String url = "/" + changing.slug + "/api/v1/map/clusters?bbox=" + WORLD + "&zoom=16";
        assertThat(venueIds(json(url))).containsExactly(first);
        assertThat(venueIds(json(url))).containsExactly(first);

        long second = changing.venue("Second", "Antra", "Vilnius", "B g. 2", 54.7, 25.3);
        changing.offer(second, "Chess", 0, "lt");
        assertThat(venueIds(json(url))).containsExactlyInAnyOrder(first, second);

        jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE venue_id = ?").param(second).update();
        assertThat(venueIds(json(url))).containsExactly(first);

        jdbc.sql("UPDATE activity SET status = 'ARCHIVED' WHERE id = ?").param(firstActivity).update();
        assertThat(json(url).get("features")).isEmpty();

        jdbc.sql("UPDATE activity SET status = 'PUBLISHED' WHERE id = ?").param(firstActivity).update();
        jdbc.sql("UPDATE venue SET lat = 55.0 WHERE id = ?").param(first).update();
        JsonNode moved = json(url);
        assertThat(moved.get("features").get(0).get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(55.0);
    }

    @Test
    void aVenueLeavesTheMapWhenItsLastSessionEnds() throws Exception {
        MapFixture ending = new MapFixture(jdbc, sites, "ending");
        long staying = ending.venue("Staying", "Liekanti", "Kaunas", "A g. 1", 54.9, 23.9);
        ending.offer(staying, "Drawing", 0, "lt");
        long leaving = ending.venue("Leaving", "Išeinanti", "Vilnius", "B g. 2", 54.7, 25.3);
        long lastClass = ending.activity("Last class", "PUBLISHED", 0, "lt");
        java.time.Instant end = java.time.Instant.now().plusSeconds(4);
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(ending.siteId, ending.organisationId, lastClass, leaving,
                        java.sql.Timestamp.from(end.minusSeconds(3600)), java.sql.Timestamp.from(end))
                .update();
        String url = "/" + ending.slug + "/api/v1/map/clusters?bbox=" + WORLD + "&zoom=16";
        assertThat(venueIds(json(url))).containsExactlyInAnyOrder(staying, leaving);
        assertThat(venueIds(json(url))).containsExactlyInAnyOrder(staying, leaving);
        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), end).toMillis()) + 300);
        assertThat(venueIds(json(url))).containsExactly(staying);
        assertThat(venueIds(json(url))).containsExactly(staying);
    }

    @Test
    void theAnswerIsGeoJson() throws Exception {
        mvc.perform(get(lt.path("/api/v1/map/clusters")).param("bbox", LITHUANIA).param("zoom", "7"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.features[0].type").value("Feature"));
    }

    @Test
    void aWrongBoxOrZoomIsExplainedPerParameterInTheVisitorsLanguage() throws Exception {
        mvc.perform(get(lt.path("/api/v1/map/clusters")).param("bbox", "1,2,3").param("zoom", "21").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.bbox").value(org.hamcrest.Matchers.startsWith("Give the map area as four numbers")))
                .andExpect(jsonPath("$.errors.zoom").value("The zoom must be a whole number from 0 to 20."));
        mvc.perform(get(lt.path("/api/v1/map/clusters")).param("bbox", "25,55,24,56").param("zoom", "x").param("lang", "lt"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.bbox").value(org.hamcrest.Matchers.startsWith("Žemėlapio sritį nurodykite")))
                .andExpect(jsonPath("$.errors.zoom").value("Mastelis turi būti sveikasis skaičius nuo 0 iki 20."));
        mvc.perform(get(lt.path("/api/v1/map/clusters")).param("zoom", "3").param("lang", "uk"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.bbox").value(org.hamcrest.Matchers.startsWith("Потрібно вказати ділянку мапи")))
                .andExpect(jsonPath("$.errors.zoom").doesNotExist());
        mvc.perform(get(lt.path("/api/v1/map/clusters")).param("bbox", "-181,0,10,10").param("zoom", "3")
                        .param("audience", "ALIENS").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.bbox").exists())
                .andExpect(jsonPath("$.errors.audience").value("An unknown audience was left out of the search."));
    }

    private JsonNode clusters(String query) throws Exception {
        return json(lt.path("/api/v1/map/clusters?" + query));
    }

    private JsonNode json(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private static List<JsonNode> properties(JsonNode answer) {
        List<JsonNode> all = new ArrayList<>();
        answer.get("features").forEach(feature -> all.add(feature.get("properties")));
        return all;
    }

    private static int sum(JsonNode answer, String property) {
        return properties(answer).stream().mapToInt(p -> p.get(property).asInt()).sum();
    }

    private static Set<Long> venueIds(JsonNode answer) {
        return properties(answer).stream().map(p -> p.get("venueId").asLong()).collect(Collectors.toSet());
    }

    private static JsonNode feature(JsonNode answer, int count) {
        for (JsonNode feature : answer.get("features")) {
            if (feature.get("properties").get("count").asInt() == count) {
                return feature;
            }
        }
        throw new AssertionError("no feature with " + count + " venues in " + answer);
    }
}
