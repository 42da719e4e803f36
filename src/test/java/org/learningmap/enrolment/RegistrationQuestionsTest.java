package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class RegistrationQuestionsTest extends EnrolmentTestBase {

    @Test
    void staffAskOptionalQuestionsLearnersAnswerAndStaffSeeTheAnswers() throws Exception {
        long session = classSession(5);
        long activity = activityOf(session);
        String base = "/lietuva/staff/organisations/" + orgA + "/activities/" + activity + "/enrolments";
        var editor = fixtures.principal(editorA);
        mvc.perform(post(base + "/questions/preset").param("preset", "AGE_BAND").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/questions/preset").param("preset", "ACCESSIBILITY").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/questions").with(user(editor)).with(csrf())
                        .param("prompt.en", "Will you bring your own laptop?").param("prompt.lt", "Ar atsinešite savo nešiojamąjį kompiuterį?")
                        .param("kind", "YES_NO"))
                .andExpect(status().is3xxRedirection());
        // a one-choice question needs choices; the page says so
        mvc.perform(post(base + "/questions").with(user(editor)).with(csrf()).param("prompt.en", "Level?").param("kind", "ONE_CHOICE"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("questionProblem", "enrolment.question-choices-required"));
        String laptopKey = jdbc.sql("SELECT question_key FROM registration_question WHERE activity_id = ? AND kind = 'YES_NO'")
                .param(activity).query(String.class).single();

        var learner = fixtures.principal(person("Learner Lina"));
        mvc.perform(get("/lietuva/account/enrolments/new").param("session", Long.toString(session)).with(user(learner))
                        .header("Accept-Language", "lt"))
                .andExpect(content().string(containsString("Jūsų amžiaus grupė")))
                .andExpect(content().string(containsString("Nenoriu sakyti")))
                .andExpect(content().string(containsString("Ar atsinešite savo nešiojamąjį kompiuterį?")));
        // an answer that is not offered is refused with a message, not stored
        mvc.perform(post("/lietuva/account/enrolments").with(user(learner)).with(csrf()).param("session", Long.toString(session))
                        .param("answer.age-band", "ancient").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please choose one of the answers offered")));
        mvc.perform(post("/lietuva/account/enrolments").with(user(learner)).with(csrf()).param("session", Long.toString(session))
                        .param("answer.age-band", "65-plus").param("answer.accessibility", "Step-free entrance, please")
                        .param("answer." + laptopKey, "yes").param("answer.unknown", "ignored"))
                .andExpect(status().is3xxRedirection());
        String stored = jdbc.sql("SELECT answers::text FROM enrolment WHERE session_id = ?").param(session).query(String.class).single();
        assertThat(stored).contains("\"age-band\": \"65-plus\"").contains("Step-free entrance").doesNotContain("unknown");

        mvc.perform(get(base).with(user(fixtures.principal(educatorA))).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Learner Lina")))
                .andExpect(content().string(containsString("65 or older")))
                .andExpect(content().string(containsString("Step-free entrance, please")))
                .andExpect(content().string(containsString("Will you bring your own laptop?")));
    }
}
