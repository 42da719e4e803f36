package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every staff endpoint of enrolment: staff of another organisation get 403 and see nothing; the organisation's own staff do. */
class StaffSeeOnlyTheirOwnSignUpsTest extends EnrolmentTestBase {

    @Test
    void staffOfAnotherOrganisationCanNeitherSeeNorChangeSignUps() throws Exception {
        long session = classSession(1);
        long activity = activityOf(session);
        long ana = person("Ana Secret");
        EnrolmentOutcome place = signUp(session, ana);
        String base = "/lietuva/staff/organisations/" + orgA + "/activities/" + activity + "/enrolments";
        List<MockHttpServletRequestBuilder> everyEndpoint = List.of(
                get(base),
                post(base + "/" + place.enrolmentId() + "/cancel").param("reason", "Because"),
                post(base + "/questions/preset").param("preset", "GENDER"),
                post(base + "/questions").param("prompt.en", "Laptop?").param("kind", "YES_NO"),
                post(base + "/questions/1/delete"));
        var outsider = fixtures.principal(editorB);
        for (MockHttpServletRequestBuilder request : everyEndpoint) {
            mvc.perform(request.with(user(outsider)).with(csrf()).header("Accept-Language", "en"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Ana Secret"))));
        }
        // the outsider naming their own organisation in the address with A's activity finds nothing
        mvc.perform(get("/lietuva/staff/organisations/" + orgB + "/activities/" + activity + "/enrolments").with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/lietuva/staff/organisations/" + orgB + "/activities/" + activity + "/enrolments/" + place.enrolmentId() + "/cancel")
                        .param("reason", "Because").with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM registration_question WHERE activity_id = ?").param(activity)
                .query(Integer.class).single()).isZero();
        // a person without any staff role is turned away too
        mvc.perform(get(base).with(user(fixtures.principal(person("Visitor"))))).andExpect(status().isForbidden());
    }

    @Test
    void anEducatorSeesTheListAndTheWaitlistAndCancelsWithAReason() throws Exception {
        long session = classSession(1);
        long activity = activityOf(session);
        EnrolmentOutcome place = signUp(session, person("Ana Holder"));
        signUp(session, person("Ben Waiting"));
        String base = "/lietuva/staff/organisations/" + orgA + "/activities/" + activity + "/enrolments";
        var educator = fixtures.principal(educatorA);
        mvc.perform(get(base).with(user(educator)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ana Holder")))
                .andExpect(content().string(containsString("Waitlist, in order")))
                .andExpect(content().string(containsString("Ben Waiting")))
                .andExpect(content().string(containsString("1 of 1 places taken, waiting: 1")));
        mvc.perform(post(base + "/" + place.enrolmentId() + "/cancel").param("reason", "").with(user(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CONFIRMED");
        mvc.perform(post(base + "/" + place.enrolmentId() + "/cancel").param("reason", "Room too small").with(user(educator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CANCELLED");
        // educators see the questions but only editors change them
        mvc.perform(post(base + "/questions/preset").param("preset", "GENDER").with(user(educator)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
