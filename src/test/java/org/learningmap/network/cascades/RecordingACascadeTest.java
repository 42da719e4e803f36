package org.learningmap.network.cascades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff record who trained whom; the tree counts each person once and refuses loops; other organisations see nothing. */
class RecordingACascadeTest extends NetworkWebTest {

    CurrentAccount editor;
    long library;
    String tag;

    @BeforeEach
    void aLibraryWithAnEditor() {
        editor = person("Rasa Redaktorė");
        library = organisation("lietuva", "Šiauliai County Library", editor, "EDITOR");
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    private MockHttpServletRequestBuilder cohort(String name, String level, List<String> trainers, List<String> participants, int citizens) {
        return post("/staff/organisations/" + library + "/cascades").with(user(editor)).with(csrf())
                .param("name", name).param("level", level).param("topic", "E-government")
                .param("startsOn", "2026-03-02").param("endsOn", "2026-03-04")
                .param("trainers", String.join("\n", trainers)).param("participants", String.join("\n", participants))
                .param("citizensReached", Integer.toString(citizens)).header("Accept-Language", "en");
    }

    private String p(String name) {
        return name + " " + tag;
    }

    @Test
    void theTreeCountsPeopleDownstreamOnceEvenWhenTrainedTwiceAndAddsCitizensCounted() throws Exception {
        CurrentAccount educator = person("Eglė Edukatorė");
        mvc.perform(cohort("Trainers to coordinators", "HUB_COORDINATOR", List.of(p("Rūta Trainer")), List.of(p("Aistė"), p("Laura")), 0))
                .andExpect(status().is3xxRedirection());
        // The educator is named by her account's address in one cohort and (again) in another: one person.
        mvc.perform(cohort("Aistė's educators", "EDUCATOR", List.of(p("Aistė")), List.of("Eglė <" + educator.email() + ">", p("Paulius")), 0))
                .andExpect(status().is3xxRedirection());
        mvc.perform(cohort("Laura's educators", "EDUCATOR", List.of(p("laura")), List.of(educator.email(), p("Jurgita")), 0))
                .andExpect(status().is3xxRedirection());
        mvc.perform(cohort("Citizens in Šiauliai", "CITIZEN", List.of(educator.email()), List.of(), 40))
                .andExpect(status().is3xxRedirection());

        // Rūta: Aistė, Laura, Eglė, Paulius, Jurgita = 5 people (Eglė once), plus 40 citizens counted.
        mvc.perform(get("/staff/organisations/" + library + "/cascades").with(user(editor)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("trained 5 people downstream, plus 40 citizens counted: 45 reached")))
                .andExpect(content().string(containsString("In all: 5 people trained and 40 citizens counted, 45 people reached.")))
                .andExpect(content().string(containsString("(their own cohorts are listed above)")));

        String csv = mvc.perform(get("/staff/organisations/" + library + "/cascades.csv").with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("0,\"Rūta Trainer " + tag + "\",,,,,,,5,40,45,false");
        assertThat(csv).contains("\"Eglė Edukatorė\",\"Aistė " + tag + "\",\"Aistė's educators\",EDUCATOR");
    }

    @Test
    void someoneCannotBeTrainedByAPersonTheyTrainedAndNothingIsSaved() throws Exception {
        mvc.perform(cohort("Trainers to coordinators", "HUB_COORDINATOR", List.of(p("Rūta")), List.of(p("Aistė")), 0))
                .andExpect(status().is3xxRedirection());
        mvc.perform(cohort("Coordinators to educators", "EDUCATOR", List.of(p("Aistė")), List.of(p("Paulius")), 0))
                .andExpect(status().is3xxRedirection());

        mvc.perform(cohort("Back to the top", "EDUCATOR", List.of(p("Paulius")), List.of(p("Rūta")), 0))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rūta " + tag + " cannot be trained by someone they trained themselves")));

        assertThat(jdbc.sql("SELECT count(*) FROM cascade_cohort WHERE organisation_id = ?").param(library).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void wrongInputIsShownBesideTheFieldsInTheVisitorsLanguage() throws Exception {
        mvc.perform(post("/staff/organisations/" + library + "/cascades").with(user(editor)).with(csrf())
                        .param("name", "").param("level", "NONSENSE").param("startsOn", "2026-05-02").param("endsOn", "2026-05-01")
                        .param("trainers", "nobody-" + tag + "@example.org").param("participants", "").param("citizensReached", "-3")
                        .header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Įrašykite grupės pavadinimą.")))
                .andExpect(content().string(containsString("Paskutinė diena negali būti ankstesnė už pirmą.")))
                .andExpect(content().string(containsString("Nėra paskyros su šios eilutės adresu")));
        assertThat(jdbc.sql("SELECT count(*) FROM cascade_cohort WHERE organisation_id = ?").param(library).query(Integer.class).single())
                .isZero();
    }

    @Test
    void staffOfAnotherOrganisationCanNeitherSeeNorRecordAndEducatorsOnlyLook() throws Exception {
        mvc.perform(cohort("Ours", "HUB_COORDINATOR", List.of(p("Rūta")), List.of(p("Aistė")), 0)).andExpect(status().is3xxRedirection());
        long cohortId = jdbc.sql("SELECT id FROM cascade_cohort WHERE organisation_id = ?").param(library).query(Long.class).single();
        CurrentAccount outsider = person("Owner Elsewhere");
        organisation("lietuva", "Another Library", outsider, "OWNER");

        for (MockHttpServletRequestBuilder request : List.of(
                get("/staff/organisations/" + library + "/cascades"),
                get("/staff/organisations/" + library + "/cascades.csv"),
                get("/staff/organisations/" + library + "/cascades/new"),
                get("/staff/organisations/" + library + "/cascades/" + cohortId),
                post("/staff/organisations/" + library + "/cascades").param("name", "Hijack"),
                post("/staff/organisations/" + library + "/cascades/" + cohortId).param("name", "Hijack"),
                post("/staff/organisations/" + library + "/cascades/" + cohortId + "/deletion"),
                get("/coordinator/cascades"),
                get("/coordinator/cascades.csv"))) {
            mvc.perform(request.with(user(outsider)).with(csrf())).andExpect(status().isForbidden());
        }
        CurrentAccount educator = person("Educator Here");
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, 'EDUCATOR')").params(educator.id(), library).update();
        mvc.perform(get("/staff/organisations/" + library + "/cascades").with(user(educator)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/cascades/new"))));
        mvc.perform(get("/staff/organisations/" + library + "/cascades/new").with(user(educator))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT name FROM cascade_cohort WHERE id = ?").param(cohortId).query(String.class).single()).isEqualTo("Ours");
    }

    @Test
    void aSiteCoordinatorSeesTheWholeSiteAndRecordsForAnyOrganisationOfIt() throws Exception {
        long site = siteId("lietuva");
        CurrentAccount coordinator = coordinatorOf(site, "Coordinator Here");
        mvc.perform(post("/staff/organisations/" + library + "/cascades").with(user(coordinator)).with(csrf())
                        .param("name", "Coordinator's cohort " + tag).param("level", "EDUCATOR").param("startsOn", "2026-06-01")
                        .param("trainers", p("Hub Lead")).param("participants", p("New Educator")).param("citizensReached", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/coordinator/cascades").with(user(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Coordinator&#39;s cohort " + tag)))
                .andExpect(content().string(containsString("Vilnius trainers school, spring 2026")));
        mvc.perform(get("/coordinator/cascades.csv").with(user(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hub Lead " + tag)));
        // A coordinator of the other site may not.
        CurrentAccount elsewhere = coordinatorOf(siteId("ukraina"), "Coordinator Elsewhere");
        mvc.perform(get("/staff/organisations/" + library + "/cascades").with(user(elsewhere))).andExpect(status().isForbidden());
    }

    @org.springframework.beans.factory.annotation.Autowired
    CascadePersonalData personalData;

    @Test
    void aPersonWhoDeletesTheirAccountStaysCountedButIsNoLongerNamed() throws Exception {
        CurrentAccount educator = person("Jurgita Edukatorė");
        mvc.perform(cohort("Educators", "EDUCATOR", List.of(p("Rūta")), List.of(educator.email(), p("Paulius")), 0))
                .andExpect(status().is3xxRedirection());
        assertThat(personalData.export(educator.id())).asString().contains("Educators").contains("PARTICIPANT");

        personalData.forget(educator.id());

        mvc.perform(get("/staff/organisations/" + library + "/cascades").with(user(editor)).header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("Jurgita Edukatorė"))))
                .andExpect(content().string(containsString("trained 2 people downstream")));

        // Changing the cohort later keeps the unnamed person in it.
        long cohortId = jdbc.sql("SELECT id FROM cascade_cohort WHERE organisation_id = ?").param(library).query(Long.class).single();
        String participants = mvc.perform(get("/staff/organisations/" + library + "/cascades/" + cohortId).with(user(editor)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("form") instanceof CohortInput form
                ? form.participants() : "";
        assertThat(participants).contains("#").contains(p("Paulius"));
        mvc.perform(post("/staff/organisations/" + library + "/cascades/" + cohortId).with(user(editor)).with(csrf())
                        .param("name", "Educators, renamed").param("level", "EDUCATOR").param("startsOn", "2026-03-02")
                        .param("endsOn", "2026-03-04").param("trainers", p("Rūta")).param("participants", participants)
                        .param("citizensReached", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM cascade_participant WHERE cohort_id = ?").param(cohortId).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void theDemoCascadeInLithuaniaIsThereOnce() {
        assertThat(jdbc.sql("SELECT count(*) FROM cascade_cohort WHERE name = ?").param(CascadeDemo.FIRST_COHORT).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT sum(citizens_reached) FROM cascade_cohort c JOIN site s ON s.id = c.site_id WHERE s.slug = 'lietuva'"
                + " AND c.name LIKE 'Citizens:%'").query(Integer.class).single()).isEqualTo(48 + 35 + 27);
    }
}
