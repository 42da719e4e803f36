package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** "Near a town or address" against the site's own gazetteer and venues. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearATownTest {

    @Autowired
    PlaceFinder places;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    Site site;

    @BeforeAll
    void aGazetteer() {
        MapFixture fixture = new MapFixture(jdbc, sites, "towns");
        fixture.place("Kaunas", 54.90272, 23.90961, 374643);
        fixture.place("Kėdainiai", 55.28833, 23.97472, 24000);
        fixture.place("Joniškis", 56.23667, 23.61667, 9500);
        fixture.place("Joniškėlis", 56.02667, 24.17167, 700);
        fixture.place("Šiauliai", 55.93333, 23.31667, 100000);
        fixture.venue("Fortress library", "Tvirtovės biblioteka", "Raudondvaris", "Pilies takas 4", 54.944, 23.783);
        site = sites.byId(fixture.siteId).orElseThrow();
    }

    @Test
    void aTownTypedExactlyIsFound() {
        assertThat(places.resolve(site, "Kaunas", "en")).isInstanceOfSatisfying(PlaceFinder.Found.class, found -> {
            assertThat(found.place().name()).isEqualTo("Kaunas");
            assertThat(found.place().point().lat()).isEqualTo(54.90272);
        });
    }

    @Test
    void aTownWithATypoOrWithoutItsDiacriticsIsFound() {
        assertThat(places.resolve(site, "Kaunsa", "en"))
                .isInstanceOfSatisfying(PlaceFinder.Found.class, found -> assertThat(found.place().name()).isEqualTo("Kaunas"));
        assertThat(places.resolve(site, "kedainiai", "en"))
                .isInstanceOfSatisfying(PlaceFinder.Found.class, found -> assertThat(found.place().name()).isEqualTo("Kėdainiai"));
        assertThat(places.resolve(site, "SIAULIAI", "en"))
                .isInstanceOfSatisfying(PlaceFinder.Found.class, found -> assertThat(found.place().name()).isEqualTo("Šiauliai"));
    }

    @Test
    void severalSimilarTownsAreOfferedToChooseFrom() {
        assertThat(places.resolve(site, "Jonisk", "en")).isInstanceOfSatisfying(PlaceFinder.Choose.class, choose ->
                assertThat(choose.places()).extracting(Place::name).containsExactlyInAnyOrder("Joniškis", "Joniškėlis"));
    }

    @Test
    void anExactNameWinsOverSimilarOnes() {
        assertThat(places.resolve(site, "Joniskis", "en"))
                .isInstanceOfSatisfying(PlaceFinder.Found.class, found -> assertThat(found.place().name()).isEqualTo("Joniškis"));
    }

    @Test
    void aVenuesTownOrAddressIsFoundToo() {
        assertThat(places.resolve(site, "Raudondvaris", "en")).isInstanceOfSatisfying(PlaceFinder.Found.class, found -> {
            assertThat(found.place().name()).isEqualTo("Raudondvaris");
            assertThat(found.place().point().lat()).isEqualTo(54.944);
        });
        assertThat(places.resolve(site, "Pilies takas 4", "en")).isInstanceOfSatisfying(PlaceFinder.Found.class, found ->
                assertThat(found.place().label()).isEqualTo("Pilies takas 4, Raudondvaris"));
    }

    @Test
    void nothingLikeItIsNotFound() {
        assertThat(places.resolve(site, "Xyzzyville", "en")).isInstanceOf(PlaceFinder.NotFound.class);
        assertThat(places.resolve(site, "  ", "en")).isInstanceOf(PlaceFinder.NotFound.class);
    }
}
