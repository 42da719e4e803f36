package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The public catalogue pages, calendar files and saved searches as a browser receives them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CataloguePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    String base;
    long site;
    long robotics;
    long draft;
    long nextSession;
    long cancelledSession;
    Instant start;

    @BeforeAll
    void catalogue() {
        var fixture = new CatalogueFixture(jdbc);
        site = fixture.site("Europe/Vilnius");
        sites.refresh();
        base = "/" + fixture.slugOf(site);
        long centre = fixture.organisation(site, "Kaunas Youth Centre");
        long venue = fixture.venue(site, centre, "Kaunas Youth Centre", "Kaunas", 54.90, 23.90, "STEP_FREE");
        long stem = fixture.topic(site, "stem", "Science and technology", "Gamtos mokslai ir technologijos", "Природничі науки й технології");
        start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        robotics = fixture.activity(site, centre)
                .title("Robotics club", "Robotikos būrelis", "Гурток робототехніки")
                .summary("Build and program robots with friends.", "Kurkite ir programuokite robotus su draugais.", "Створюйте і програмуйте роботів із друзями.")
                .easyRead("We build small robots. You do not need to know anything.", "Kuriame mažus robotus. Nieko mokėti nereikia.", "Ми будуємо маленьких роботів. Нічого знати не треба.")
                .description("Every week we build a new robot.\nBring a friend.")
                .audiences("CHILDREN").languages("lt", "uk").ages(8, 14).kind("CLUB").price(500).topic(stem).insert();
        nextSession = fixture.session(robotics, venue, start, start.plus(Duration.ofHours(2)));
        cancelledSession = fixture.session(robotics, venue, start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)), "CANCELLED");
        fixture.session(robotics, null, start.plus(Duration.ofDays(14)), start.plus(Duration.ofDays(14)).plus(Duration.ofHours(2)));
        draft = fixture.activity(site, centre).title("Robotics draft").status("DRAFT").insert();
    }

    @Test
    void theSearchPageListsResultsWithFacetsAndAnnouncesTheirNumber() throws Exception {
        mvc.perform(get(base + "/search").param("q", "robotics").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Find an activity</h1>"),
                        containsString("role=\"status\""),
                        containsString("1 activity found"),
                        containsString("Robotics club"),
                        containsString("Kaunas Youth Centre"),
                        containsString("name=\"audience\" value=\"CHILDREN\""),
                        containsString("id=\"count-topic-stem\""),
                        containsString("€5.00"),
                        not(containsString("Robotics draft")))));
    }

    @Test
    void lithuanianAndUkrainianPagesUseTheirOwnPluralsAndDates() throws Exception {
        String lithuanian = mvc.perform(get(base + "/search").param("q", "robotikos").param("lang", "lt"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lithuanian).contains("Rasta 1 veikla", "Robotikos būrelis", "Vaikai");
        String ukrainian = mvc.perform(get(base + "/search").param("lang", "uk"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ukrainian).contains("Знайдено 1 заняття", "Гурток робототехніки");
    }

    @Test
    void htmxGetsOnlyTheResultsWithCountsSwappedOutOfBand() throws Exception {
        mvc.perform(get(base + "/search").param("audience", "CHILDREN").param("lang", "en").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content().string(allOf(
                        containsString("id=\"results\""),
                        containsString("hx-swap-oob=\"innerHTML\""),
                        containsString("id=\"count-audience-CHILDREN\""),
                        containsString("Robotics club"),
                        not(containsString("<html")),
                        not(containsString("name=\"q\"")))));
    }

    @Test
    void wrongFilterValuesAreExplainedOnThePageNotAnErrorPage() throws Exception {
        mvc.perform(get(base + "/search").param("age", "old").param("kind", "PICNIC").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Part of your search was not understood"),
                        containsString("The age must be a whole number from 0 to 120."),
                        containsString("An unknown kind of activity was left out of the search."),
                        containsString("Robotics club"))));
    }

    @Test
    void theActivityPageShowsEverySessionWithCancelledOnesMarked() throws Exception {
        String page = mvc.perform(get(base + "/activities/" + robotics).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String day = Formats.date(start, ZoneId.of("Europe/Vilnius"), java.util.Locale.ENGLISH);
        assertThat(page).contains("<h1 lang=\"en\">Robotics club</h1>", "Build and program robots with friends.",
                "Every week we build a new robot.", "Bring a friend.", "8 to 14 years", "Lithuanian", "Ukrainian",
                day, "Cancelled", "Online", "/venues/", "/organisations/", "/sessions/" + nextSession + ".ics",
                "/activities/" + robotics + ".ics")
                .doesNotContain("/sessions/" + cancelledSession + ".ics")
                .doesNotContain("We build small robots.");
    }

    @Test
    void theEasyReadViewShowsTheEasyReadSummaryAndPictograms() throws Exception {
        mvc.perform(get(base + "/activities/" + robotics).param("lang", "en").cookie(new Cookie("easy", "1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("class=\"easy-read\""),
                        containsString("We build small robots. You do not need to know anything."),
                        containsString("class=\"pictogram\""))));
    }

    @Test
    void draftsAreNotPublic() throws Exception {
        mvc.perform(get(base + "/activities/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/activities/" + draft + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/activities/not-a-number")).andExpect(status().isBadRequest());
    }

    @Test
    void calendarFilesHoldTheSessionsInTheSitesZoneWithCancellationsMarked() throws Exception {
        String one = mvc.perform(get(base + "/sessions/" + nextSession + ".ics").param("lang", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(header().string("Content-Disposition", containsString("session-" + nextSession + ".ics")))
                .andReturn().getResponse().getContentAsString();
        String dtstart = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(java.time.ZoneId.of("Europe/Vilnius")).format(start);
        assertThat(one).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;TZID=Europe/Vilnius:" + dtstart, "BEGIN:VTIMEZONE", "SUMMARY:Robotikos būrelis",
                "UID:session-" + nextSession + "@", "STATUS:CONFIRMED", "LOCATION:Kaunas Youth Centre", "END:VCALENDAR");
        String all = mvc.perform(get(base + "/activities/" + robotics + ".ics"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(all).contains("STATUS:CANCELLED").doesNotContain("meet.example.org");
    }

    @Test
    void theHomePageShowsWhatIsComingUpAndTheTopics() throws Exception {
        mvc.perform(get(base + "/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Coming up"),
                        containsString("Robotics club"),
                        containsString("/search?topic=stem"))));
    }

    @Test
    void savedSearchesNeedSigningIn() throws Exception {
        mvc.perform(get(base + "/saved-searches")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(base + "/sign-in"));
    }

    @Test
    void aPersonSavesListsAndDeletesOnlyTheirOwnSearches() throws Exception {
        CurrentAccount ona = account("ona");
        CurrentAccount petras = account("petras");
        mvc.perform(get(base + "/saved-searches/new").param("query", "q=robotics&audience=CHILDREN&page=3").with(user(ona)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"robotics\"")));
        mvc.perform(post(base + "/saved-searches").with(user(ona)).with(csrf())
                        .param("name", "").param("query", "q=robotics"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("field-error")));
        mvc.perform(post(base + "/saved-searches").with(user(ona)).with(csrf())
                        .param("name", "Robots for Jonas").param("query", "q=robotics&audience=CHILDREN&page=3&junk=1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(base + "/saved-searches?saved"));
        long id = jdbc.sql("SELECT id FROM saved_search WHERE account_id = ?").param(ona.id()).query(Long.class).single();
        String query = jdbc.sql("SELECT query FROM saved_search WHERE id = ?").param(id).query(String.class).single();
        assertThat(query).isEqualTo("q=robotics&audience=CHILDREN&sort=relevance");
        mvc.perform(get(base + "/saved-searches").with(user(ona)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Robots for Jonas"),
                        containsString("/search?q=robotics&amp;audience=CHILDREN&amp;sort=relevance"))));
        mvc.perform(get(base + "/saved-searches").with(user(petras)))
                .andExpect(content().string(not(containsString("Robots for Jonas"))));
        mvc.perform(post(base + "/saved-searches/" + id + "/delete").with(user(petras)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/saved-searches/" + id + "/delete").with(user(ona)))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/saved-searches/" + id + "/delete").with(user(ona)).with(csrf()))
                .andExpect(redirectedUrl(base + "/saved-searches?deleted"));
        assertThat(jdbc.sql("SELECT count(*) FROM saved_search WHERE id = ?").param(id).query(Long.class).single()).isZero();
    }

    private CurrentAccount account(String name) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name) VALUES (?, ?) RETURNING id")
                .params(email, name).query(Long.class).single();
        return new CurrentAccount(id, email, name, null, true, false, false, Set.of());
    }
}
