package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ActivityApiTest extends EditingTestBase {

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "en");
    }

    private String activity(long organisationId, String title) {
        return """
                {"organisationId": %d, "kind": "COURSE", "title": {"lt": "%s", "en": "Smartphone basics"},
                 "summary": {"en": "Calls and photos"}, "topics": ["digital-skills"], "audiences": ["SENIORS"],
                 "minAge": 55, "languages": ["lt"], "price": 12.5, "voucherEligible": true, "digcomp": ["2.1"]}
                """.formatted(organisationId, title);
    }

    @Test
    void anEditorCreatesAddsAWeeklySeriesPublishesAndCancelsASession() throws Exception {
        MvcResult created = mvc.perform(json(post("/api/v1/activities"), activity(orgA, "Išmanusis telefonas")).with(user(as(editorA))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getHeader("Location").replaceAll(".*/", ""));

        String start = inDays(7).atTime(18, 0).atZone(VILNIUS).toOffsetDateTime().toString();
        String end = inDays(7).atTime(19, 30).atZone(VILNIUS).toOffsetDateTime().toString();
        mvc.perform(json(post("/api/v1/activities/" + id + "/sessions"), """
                        {"startsAt": "%s", "endsAt": "%s", "venueId": %d, "capacity": 12,
                         "repeat": {"frequency": "WEEKLY", "count": 6}}
                        """.formatted(start, end, venueA)).with(user(as(editorA))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$", hasSize(6)))
                .andExpect(jsonPath("$[0].seriesRule").value("FREQ=WEEKLY;BYDAY=" + inDays(7).getDayOfWeek().name().substring(0, 2) + ";COUNT=6"));

        mvc.perform(post("/api/v1/activities/" + id + "/publish").header("Accept-Language", "en").with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedAt").exists());

        long session = firstSession(id);
        mvc.perform(delete("/api/v1/sessions/" + session).with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        mvc.perform(json(put("/api/v1/activities/" + id), activity(orgA, "Išmanusis telefonas senjorams")).with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title.lt").value("Išmanusis telefonas senjorams"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void wrongInputIsA400ProblemNamingEachField() throws Exception {
        mvc.perform(json(post("/api/v1/activities"), """
                        {"organisationId": %d, "kind": "CLASS", "title": {}, "minAge": 200, "price": -1}
                        """.formatted(orgA)).with(user(as(editorA))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.invalid-input"))
                .andExpect(jsonPath("$.errors.title").value("Please fill in this field."))
                .andExpect(jsonPath("$.errors.minAge").value("Must be at most 120."))
                .andExpect(jsonPath("$.errors.price").value("Must be at least 0."));

        mvc.perform(json(post("/api/v1/activities"), """
                        {"organisationId": %d, "kind": "SPACEWALK", "title": {"en": "No Lithuanian"}, "minAge": 40, "maxAge": 20,
                         "topics": ["astrology"]}
                        """.formatted(orgA)).with(user(as(editorA))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").value("Please choose one of the options."))
                .andExpect(jsonPath("$.errors['title.lt']").value("Give the activity a title in the site’s main language."))
                .andExpect(jsonPath("$.errors.maxAge").value("The highest age must not be lower than the lowest age."))
                .andExpect(jsonPath("$.errors.topics").value("“astrology” is not a topic of this site."));

        long id = draftWithSession(orgA, venueA);
        mvc.perform(json(post("/api/v1/activities/" + id + "/sessions"), """
                        {"startsAt": "2020-01-01T10:00:00+02:00", "endsAt": "2020-01-01T09:00:00+02:00"}
                        """).with(user(as(editorA))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.startsAt").value("The session must start in the future."))
                .andExpect(jsonPath("$.errors.endsAt").value("The end must be after the start."))
                .andExpect(jsonPath("$.errors.venueId").value("Choose a venue, or give a link for an online session."));
        mvc.perform(json(post("/api/v1/activities"), "{not json").with(user(as(editorA))))
                .andExpect(status().isBadRequest());
        assertThat(activitiesOf(orgA)).isEqualTo(1);
    }

    @Test
    void aRuleThatSaysNoIsAConflictInTheCallersLanguage() throws Exception {
        MvcResult created = mvc.perform(json(post("/api/v1/activities"), activity(orgA, "Be užsiėmimų")).with(user(as(editorA))))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getHeader("Location").replaceAll(".*/", ""));
        mvc.perform(post("/api/v1/activities/" + id + "/publish").header("Accept-Language", "lt").with(user(as(editorA))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("activity.needs-session"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Prieš skelbdami pridėkite")));
    }

    @Test
    void staffOfAnotherOrganisationGet403OnEveryWriteAndNothingChanges() throws Exception {
        long id = draftWithSession(orgA, venueA);
        long session = firstSession(id);
        String start = inDays(9).atTime(10, 0).atZone(VILNIUS).toOffsetDateTime().toString();
        String end = inDays(9).atTime(11, 0).atZone(VILNIUS).toOffsetDateTime().toString();
        List<MockHttpServletRequestBuilder> writes = List.of(
                json(post("/api/v1/activities"), activity(orgA, "Įsiveržimas")),
                json(put("/api/v1/activities/" + id), activity(orgA, "Įsiveržimas")),
                json(put("/api/v1/activities/" + id), activity(orgB, "Perkelta")),
                json(post("/api/v1/activities/" + id + "/sessions"), """
                        {"startsAt": "%s", "endsAt": "%s", "onlineUrl": "https://meet.example.org/x"}""".formatted(start, end)),
                post("/api/v1/activities/" + id + "/publish"),
                delete("/api/v1/sessions/" + session));
        for (MockHttpServletRequestBuilder write : writes) {
            MvcResult result = mvc.perform(write.with(user(as(editorB)))).andReturn();
            assertThat(result.getResponse().getStatus()).as(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI())
                    .isEqualTo(403);
            assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"error.forbidden\"");
        }
        assertThat(statusOf(id)).isEqualTo("DRAFT");
        assertThat(sessions(id)).isEqualTo(1);
        assertThat(activitiesOf(orgA)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM session WHERE id = ?").param(session).query(String.class).single()).isEqualTo("SCHEDULED");

        mvc.perform(post("/api/v1/activities/" + id + "/publish")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/activities/999999999/publish").with(user(as(editorA)))).andExpect(status().isNotFound());
    }
}
