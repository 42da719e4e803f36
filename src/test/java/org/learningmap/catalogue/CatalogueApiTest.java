package org.learningmap.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue's JSON API: the shape partners rely on, and a clear 400 for every wrong parameter. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    String base;
    long smartphone;
    long draft;
    long scheduled;
    long cancelled;
    long draftSession;

    @BeforeAll
    void catalogue() {
        var fixture = new CatalogueFixture(jdbc);
        long site = fixture.site("Europe/Vilnius");
        sites.refresh();
        base = "/" + fixture.slugOf(site);
        long library = fixture.organisation(site, "Šiauliai Public Library");
        long venue = fixture.venue(site, library, "Šiauliai Central Library", "Šiauliai", 55.93, 23.31, "STEP_FREE");
        long digital = fixture.topic(site, "digital-skills", "Digital skills", "Skaitmeniniai įgūdžiai", "Цифрові навички");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        smartphone = fixture.activity(site, library)
                .title("Smartphone basics for seniors", "Išmaniojo telefono pradžiamokslis senjorams", "Основи користування смартфоном")
                .summary("Calls, messages and photos.", "Skambučiai, žinutės ir nuotraukos.", "Дзвінки, повідомлення і фото.")
                .audiences("SENIORS").languages("lt").ages(60, null).kind("COURSE").digcomp("2.1").topic(digital).insert();
        scheduled = fixture.session(smartphone, venue, start, start.plus(Duration.ofHours(2)));
        cancelled = fixture.session(smartphone, venue, start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(7)).plus(Duration.ofHours(2)), "CANCELLED");
        draft = fixture.activity(site, library).title("Smartphone draft").status("DRAFT").insert();
        draftSession = fixture.session(draft, venue, start, start.plus(Duration.ofHours(1)));
    }

    @Test
    void searchAnswersItemsTotalPageSizeAndFacets() throws Exception {
        mvc.perform(get(base + "/api/v1/activities").param("q", "smartphone").param("audience", "SENIORS"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(smartphone))
                .andExpect(jsonPath("$.items[0].title.lt").value("Išmaniojo telefono pradžiamokslis senjorams"))
                .andExpect(jsonPath("$.items[0].title.uk").value("Основи користування смартфоном"))
                .andExpect(jsonPath("$.items[0].kind").value("COURSE"))
                .andExpect(jsonPath("$.items[0].organisation.name.en").value("Šiauliai Public Library"))
                .andExpect(jsonPath("$.items[0].nextSession.id").value(scheduled))
                .andExpect(jsonPath("$.items[0].nextSession.venueName.en").value("Šiauliai Central Library"))
                .andExpect(jsonPath("$.items[0].nextSession.startsAt", startsWith("20")))
                .andExpect(jsonPath("$.items[0].upcomingSessions").value(1))
                .andExpect(jsonPath("$.items[0].price.free").value(true))
                .andExpect(jsonPath("$.items[0].audiences[0]").value("SENIORS"))
                .andExpect(jsonPath("$.items[0].topics[0]").value("digital-skills"))
                .andExpect(jsonPath("$.facets.audience[?(@.value == 'SENIORS')].count").value(hasItem(1)))
                .andExpect(jsonPath("$.facets.audience[?(@.value == 'SENIORS')].selected").value(hasItem(true)))
                .andExpect(jsonPath("$.facets.topic[0].value").value("digital-skills"));
    }

    @Test
    void wrongParametersAnswer400WithAMessagePerParameterInTheCallersLanguage() throws Exception {
        mvc.perform(get(base + "/api/v1/activities").param("age", "old").param("from", "2026-13-01").param("page", "0")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.age").value("The age must be a whole number from 0 to 120."))
                .andExpect(jsonPath("$.errors.from").value("Dates must look like 2026-12-31."))
                .andExpect(jsonPath("$.errors.page", containsString("1 to 500")));
        mvc.perform(get(base + "/api/v1/activities").param("audience", "astronauts").param("lang", "lt"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.audience").value("Nežinoma tikslinė grupė neįtraukta į paiešką."));
        mvc.perform(get(base + "/api/v1/activities").param("sort", "nearest").header("Accept-Language", "uk"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sort", containsString("відстанню")));
    }

    @Test
    void anActivityComesWithEveryLanguageItWasWrittenIn() throws Exception {
        mvc.perform(get(base + "/api/v1/activities/" + smartphone))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(smartphone))
                .andExpect(jsonPath("$.summary.uk").value("Дзвінки, повідомлення і фото."))
                .andExpect(jsonPath("$.minAge").value(60))
                .andExpect(jsonPath("$.digcomp[0]").value("2.1"))
                .andExpect(jsonPath("$.languages[0]").value("lt"));
    }

    @Test
    void sessionsIncludeCancelledOnesMarkedAsCancelled() throws Exception {
        mvc.perform(get(base + "/api/v1/activities/" + smartphone + "/sessions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value(scheduled))
                .andExpect(jsonPath("$[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$[0].venue.town").value("Šiauliai"))
                .andExpect(jsonPath("$[0].startsAt", containsString("+0")))
                .andExpect(jsonPath("$[1].status").value("CANCELLED"));
        mvc.perform(get(base + "/api/v1/sessions/" + cancelled))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activityId").value(smartphone))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void draftsAndUnknownIdsAreNotFound() throws Exception {
        mvc.perform(get(base + "/api/v1/activities/" + draft))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(base + "/api/v1/activities/" + draft + "/sessions")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/api/v1/sessions/" + draftSession)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/api/v1/activities/999999999")).andExpect(status().isNotFound());
        mvc.perform(get(base + "/api/v1/activities/abc")).andExpect(status().isBadRequest());
        // Another site's activity is not found through this site.
        mvc.perform(get("/api/v1/activities/" + smartphone)).andExpect(status().isNotFound());
    }

    @Test
    void topicsAreTheSitesVocabulary() throws Exception {
        mvc.perform(get(base + "/api/v1/topics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].slug").value("digital-skills"))
                .andExpect(jsonPath("$[0].name.lt").value("Skaitmeniniai įgūdžiai"))
                .andExpect(jsonPath("$[0].pictogram").value("💻"));
    }

    @Test
    void theOpenApiDocumentDescribesTheSearchParameters() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/activities'].get.summary").value("Search published activities"))
                .andExpect(jsonPath("$.paths['/api/v1/activities'].get.parameters[*].name", hasItem("audience")))
                .andExpect(jsonPath("$.paths['/api/v1/activities'].get.parameters[*].name", hasItem("page")))
                .andExpect(jsonPath("$.paths['/api/v1/activities/{id}/sessions'].get.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/topics'].get").exists());
    }
}
