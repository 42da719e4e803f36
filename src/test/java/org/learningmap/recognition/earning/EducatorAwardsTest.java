package org.learningmap.recognition.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An educator awards one person, or everyone who came to a session; a double submit awards nobody twice. */
class EducatorAwardsTest extends EarningTestBase {

    @Test
    void anEducatorAwardsOnePersonByEmailAndASecondClickChangesNothing() throws Exception {
        String formKey = UUID.randomUUID().toString();
        String email = fixtures.email(learner);
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/staff/badges/" + badge.id() + "/award/person").param("email", email.toUpperCase())
                            .param("narrative", "Called her grandson on video").param("evidenceUrl", "https://example.org/call")
                            .param("formKey", formKey).with(as(educatorA)).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/staff/badges/" + badge.id() + "/award"))
                    .andExpect(flash().attribute("done", click == 0 ? "recognition-earning.award.done.awarded"
                            : "recognition-earning.award.done.held"));
        }
        assertThat(awards(badge.id())).isEqualTo(1);
        assertThat(path(badge.id(), learner)).isEqualTo("EDUCATOR");
        var award = recognition.awardsOf(learner).getFirst();
        assertThat(award.narrative()).isEqualTo("Called her grandson on video");
        assertThat(award.evidenceUrl()).isEqualTo("https://example.org/call");
    }

    @Test
    void anAddressWithoutAnAccountGetsTheAwardAndABadAddressIsRefused() throws Exception {
        String newcomer = "newcomer." + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/person").param("email", newcomer)
                        .param("formKey", UUID.randomUUID().toString()).with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.award.done.awarded"));
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/person").param("email", "not an address")
                        .param("formKey", UUID.randomUUID().toString()).with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("problem", EducatorAwards.EMAIL_INVALID));
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/person").param("email", fixtures.email(learner))
                        .param("evidenceUrl", "javascript:alert(1)").with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("problem", EducatorAwards.URL_INVALID));
        assertThat(awards(badge.id())).isEqualTo(1);
        assertThat(recognition.awardsOfBadge(badge.id()).getFirst().recipientEmail()).isEqualTo(newcomer);
    }

    @Test
    void anEducatorAwardsEveryoneWhoCameToASessionOnceEvenWhenTheFormIsSentTwice() throws Exception {
        long ona = present("Ona Petraitienė");
        long jonas = present("Jonas Kazlauskas");
        long ruta = present("Rūta Vaitkienė");
        recognition.award(new org.learningmap.recognition.AwardRequest(badge.id(), ruta, null, null,
                org.learningmap.recognition.AwardPath.EDUCATOR, null, null, educatorA, "earlier:" + UUID.randomUUID()));

        mvc.perform(get("/staff/badges/" + badge.id() + "/award").param("session", String.valueOf(session)).param("lang", "en")
                        .with(as(educatorA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ona Petraitienė")))
                .andExpect(content().string(containsString("Award all 3 people who came")));

        String formKey = UUID.randomUUID().toString();
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/session").param("sessionId", String.valueOf(session))
                        .param("formKey", formKey).with(as(educatorA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("doneArgs", new Object[] {2, 1}));
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/session").param("sessionId", String.valueOf(session))
                        .param("formKey", formKey).with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("doneArgs", new Object[] {0, 3}));

        assertThat(awards(badge.id())).isEqualTo(3);
        assertThat(path(badge.id(), ona)).isEqualTo("EDUCATOR");
        assertThat(path(badge.id(), jonas)).isEqualTo("EDUCATOR");
    }

    @Test
    void oneAttendeeIsPickedFromTheSessionButNobodyWhoWasNotThere() throws Exception {
        long ona = present("Ona Picked");
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/attendee").param("sessionId", String.valueOf(session))
                        .param("accountId", String.valueOf(ona)).param("formKey", UUID.randomUUID().toString())
                        .with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.award.done.awarded"));
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/attendee").param("sessionId", String.valueOf(session))
                        .param("accountId", String.valueOf(learner)).with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("problem", EducatorAwards.NOT_ATTENDEE));
        assertThat(awards(badge.id())).isEqualTo(1);
        assertThat(path(badge.id(), ona)).isEqualTo("EDUCATOR");
    }

    @Test
    void staffOfAnotherOrganisationAndLearnersCanNeitherSeeNorAward() throws Exception {
        present("Secret Attendee");
        for (long outsider : List.of(editorB, learner)) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get("/staff/badges/" + badge.id() + "/award").param("session", String.valueOf(session)),
                    post("/staff/badges/" + badge.id() + "/award/person").param("email", fixtures.email(learner)),
                    post("/staff/badges/" + badge.id() + "/award/session").param("sessionId", String.valueOf(session)),
                    get("/staff/badges/" + badge.id() + "/award/bulk"),
                    post("/staff/badges/" + badge.id() + "/award/claims"),
                    get("/staff/badges/" + badge.id() + "/award/evidence"),
                    post("/staff/badges/" + badge.id() + "/award/evidence").param("accepts", "true"))) {
                mvc.perform(request.with(as(outsider)).with(csrf()))
                        .andExpect(status().isForbidden())
                        .andExpect(content().string(not(containsString("Secret Attendee"))));
            }
        }
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/person").param("email", fixtures.email(learner))
                        .with(as(educatorA)))
                .andExpect(status().isForbidden());
        assertThat(awards(badge.id())).as("nothing awarded, no claim opened").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM badge_claim WHERE badge_id = ?").param(badge.id()).query(Integer.class).single()).isZero();
    }
}
