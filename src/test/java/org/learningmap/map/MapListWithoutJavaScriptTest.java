package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The list beside the map as a visitor without JavaScript gets it: plain HTML with links and a GET form. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapListWithoutJavaScriptTest {

    private static final Pattern VENUE_LINK = Pattern.compile("<h3><a href=\"[^\"]*/venues/(\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    MapFixture lt;
    long busiest;
    long nearestToKaunas;
    long farthest;
    long chessActivity;

    @BeforeAll
    void placesAcrossLithuania() {
        lt = new MapFixture(jdbc, sites, "list");
        lt.place("Kaunas", 54.90272, 23.90961, 374643);
        lt.place("Joniškis", 56.23667, 23.61667, 9500);
        lt.place("Joniškėlis", 56.02667, 24.17167, 700);
        long chess = lt.topic("chess", "Chess");
        nearestToKaunas = lt.venue("Kaunas central library", "Kauno centrinė biblioteka", "Kaunas", "Laisvės al. 57",
                54.9027, 23.9096);
        chessActivity = lt.offer(nearestToKaunas, "Chess club", 0, "lt", chess);
        long garliava = lt.venue("Garliava branch", "Garliavos filialas", "Garliava", "Vytauto g. 1", 54.8167, 23.8667);
        lt.offer(garliava, "Painting", 0, "lt");
        busiest = lt.venue("Vilnius youth centre", "Vilniaus jaunimo centras", "Vilnius", "Gedimino pr. 9", 54.687, 25.28);
        lt.offer(busiest, "Robotics", 0, "lt");
        lt.offer(busiest, "Career advice", 0, "lt");
        farthest = lt.venue("Klaipėda library", "Klaipėdos biblioteka", "Klaipėda", "Turgaus g. 8", 55.7103, 21.1318);
        lt.offer(farthest, "Online safety", 0, "lt");
        for (int i = 0; i < 22; i++) {
            long venue = lt.venue("Village point " + i, "Kaimo taškas " + i, "Utena", "Kaimo g. " + i, 55.5 + i * 0.01, 25.6);
            lt.offer(venue, "Reading circle " + i, 0, "lt");
        }
    }

    @Test
    void theListShowsTheVenuesWithTheirNextSessionsAndLinks() throws Exception {
        String html = page(get(lt.path("/map")).param("lang", "en"));
        assertThat(html).contains("Places found: 26");
        assertThat(html).contains("Kaunas central library").contains("Laisvės al. 57, Kaunas");
        assertThat(html).contains("href=\"/" + lt.slug + "/venues/" + nearestToKaunas + "\"");
        assertThat(html).contains("href=\"/" + lt.slug + "/activities/" + chessActivity + "\"").contains(">Chess club<");
        assertThat(html).contains("Upcoming sessions: 2");
        assertThat(html).contains("<time");
        assertThat(venueOrder(html).getFirst()).as("the venue with most upcoming sessions comes first").isEqualTo(busiest);
        assertThat(html).contains("Page 1 of 2").contains("rel=\"next\"");
        assertThat(html).contains("<form action=\"/" + lt.slug + "/map\" method=\"get\"");
    }

    @Test
    void theSecondPageShowsTheRest() throws Exception {
        String html = page(get(lt.path("/map")).param("page", "2").param("lang", "en"));
        assertThat(venueOrder(html)).hasSize(6);
        assertThat(html).contains("Page 2 of 2").contains("rel=\"prev\"");
    }

    @Test
    void nearATownTheListIsSortedByDistanceWithinTheRadius() throws Exception {
        String html = page(get(lt.path("/map")).param("place", "Kaunsa").param("radius", "25").param("lang", "en"));
        assertThat(html).contains("Within 25 km of Kaunas");
        assertThat(venueOrder(html)).hasSize(2).first().isEqualTo(nearestToKaunas);
        assertThat(html).contains("0 km away");
        assertThat(html).contains("name=\"lat\" value=\"54.90272\"");

        String anyDistance = page(get(lt.path("/map")).param("place", "Kaunas").param("radius", "").param("lang", "en"));
        List<Long> order = venueOrder(anyDistance);
        assertThat(order.getFirst()).isEqualTo(nearestToKaunas);
        assertThat(order).hasSize(20);
    }

    @Test
    void anAmbiguousTownOffersChoicesThatKeepTheFilters() throws Exception {
        String html = page(get(lt.path("/map")).param("place", "Jonisk").param("topic", "chess").param("lang", "en"));
        assertThat(html).contains("Did you mean:");
        Matcher choice = Pattern.compile("<a href=\"([^\"]+)\">Joniškis</a>").matcher(html);
        assertThat(choice.find()).isTrue();
        String href = choice.group(1).replace("&amp;", "&");
        assertThat(href).contains("topic=chess").contains("lat=56.23667").contains("radius=25");

        String chosen = page(get(java.net.URI.create(href + "&lang=en")));
        assertThat(chosen).contains("Within 25 km of Joniškis").contains("Places found: 0");
    }

    @Test
    void anUnknownTownIsExplainedNextToTheField() throws Exception {
        String html = page(get(lt.path("/map")).param("place", "Xyzzyville").param("lang", "lt"));
        assertThat(html).contains("id=\"place-error\"").contains("Neradome tokio miesto ar adreso");
        assertThat(html).contains("aria-invalid=\"true\"");
        assertThat(html).contains("Rasta vietų: 26");
    }

    @Test
    void filtersNarrowTheListAndWrongValuesAreExplained() throws Exception {
        String html = page(get(lt.path("/map")).param("topic", "chess").param("age", "old").param("lang", "en"));
        assertThat(html).contains("Places found: 1");
        assertThat(venueOrder(html)).containsExactly(nearestToKaunas);
        assertThat(html).containsPattern("<option value=\"chess\"\\s+selected=\"selected\">Chess</option>");

        String online = page(get(lt.path("/map")).param("mode", "ONLINE").param("lang", "en"));
        assertThat(online).contains("Places found: 0").contains("Online activities take place nowhere on the map");

        String badCoordinates = page(get(lt.path("/map")).param("lat", "999").param("lon", "23").param("lang", "en"));
        assertThat(badCoordinates).contains("class=\"field-error\">Give both latitude and longitude.</span>");
    }

    @Test
    void theMapIsDescribedForTheScriptAndHiddenWithoutIt() throws Exception {
        String html = page(get(lt.path("/map")).param("topic", "chess").param("lang", "uk"));
        assertThat(html).contains("id=\"map\" hidden");
        assertThat(html).contains("data-clusters-url=\"/" + lt.slug + "/api/v1/map/clusters\"");
        assertThat(html).contains("data-filters=\"topic=chess\"");
        assertThat(html).contains("data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"");
        assertThat(html).contains("data-label-zoom-in=\"Наблизити\"");
        assertThat(html).contains("id=\"near-me\" hidden");
        assertThat(html).containsPattern("/webjars/leaflet/[0-9.]+/dist/leaflet.js").containsPattern("/js/map-[0-9a-f]{32}\\.js");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Long> venueOrder(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = VENUE_LINK.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
