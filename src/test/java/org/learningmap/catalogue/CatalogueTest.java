package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** What venue and organisation pages list through the facade, and that kept answers follow changes at once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;
    @Autowired
    Catalogue catalogue;
    @Autowired
    CachedSearch search;

    CatalogueFixture fixture;
    Site site;
    long library;
    long branch;
    long elsewhere;
    long quiz;
    long poetry;
    Instant start;

    @BeforeAll
    void catalogue() {
        fixture = new CatalogueFixture(jdbc);
        long siteId = fixture.site("Europe/Vilnius");
        sites.refresh();
        site = sites.byId(siteId).orElseThrow();
        library = fixture.organisation(siteId, "Alytus Library");
        long other = fixture.organisation(siteId, "Alytus Youth Centre");
        branch = fixture.venue(siteId, library, "Alytus Branch", "Alytus", 54.40, 24.05);
        elsewhere = fixture.venue(siteId, other, "Youth Centre", "Alytus", 54.39, 24.04);
        start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        poetry = fixture.activity(siteId, library).title("Poetry evening").insert();
        fixture.session(poetry, branch, start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(2)).plusSeconds(3600));
        quiz = fixture.activity(siteId, library).title("Pub quiz about Alytus").insert();
        fixture.session(quiz, branch, start, start.plusSeconds(3600));
        long dance = fixture.activity(siteId, other).title("Dance workshop").insert();
        fixture.session(dance, elsewhere, start, start.plusSeconds(3600));
        long draft = fixture.activity(siteId, library).title("Draft reading").status("DRAFT").insert();
        fixture.session(draft, branch, start, start.plusSeconds(3600));
    }

    @Test
    void aVenueListsItsComingActivitiesSoonestFirst() {
        assertThat(catalogue.upcomingAtVenue(branch, 6)).extracting(card -> card.title().in("en"))
                .containsExactly("Pub quiz about Alytus", "Poetry evening");
        assertThat(catalogue.upcomingAtVenue(branch, 1)).hasSize(1);
        assertThat(catalogue.upcomingAtVenue(999_999_999L, 6)).isEmpty();
    }

    @Test
    void anOrganisationListsOnlyItsOwnActivities() {
        assertThat(catalogue.upcomingByOrganisation(library, 6)).extracting(ActivityCard::id).containsExactly(quiz, poetry);
        assertThat(catalogue.upcomingByOrganisation(999_999_999L, 6)).isEmpty();
    }

    @Test
    void aKeptAnswerIsNotReusedAfterTheCatalogueChanged() {
        SearchFilters words = SearchFilters.parse(java.util.Map.of("q", new String[] {"chess"})).filters();
        assertThat(search.search(site, words, 1).total()).isZero();
        long chess = fixture.activity(site.id(), library).title("Chess for beginners").insert();
        assertThat(search.search(site, words, 1).total()).as("a new activity without a session is not available").isZero();
        fixture.session(chess, branch, start, start.plusSeconds(3600));
        assertThat(search.search(site, words, 1).items()).extracting(ActivityCard::id).containsExactly(chess);
        jdbc.sql("UPDATE activity SET status = 'ARCHIVED' WHERE id = ?").param(chess).update();
        assertThat(search.search(site, words, 1).total()).isZero();
    }
}
