package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

class SignUpPagesTest extends EnrolmentTestBase {

    @Test
    void theActivityPageShowsPlacesLeftAndASignUpButtonThatAsksToSignInFirst() throws Exception {
        long session = classSession(3);
        long activity = activityOf(session);
        mvc.perform(get("/lietuva/activities/" + activity).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 places left")))
                .andExpect(content().string(containsString("/lietuva/account/enrolments/new?session=" + session)));
        mvc.perform(get("/lietuva/account/enrolments/new").param("session", Long.toString(session)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/lietuva/sign-in"));
    }

    @Test
    void aPersonSignsUpSeesTheOutcomeAndCancelsFromMySignUps() throws Exception {
        long session = classSession(1);
        long ana = person("Ana");
        var principal = fixtures.principal(ana);
        mvc.perform(get("/lietuva/account/enrolments/new").param("session", Long.toString(session)).with(user(principal))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign me up")));
        MvcResult signed = mvc.perform(post("/lietuva/account/enrolments").with(user(principal)).with(csrf())
                        .param("session", Long.toString(session)).param("requestKey", "form-1"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = signed.getResponse().getRedirectedUrl();
        assertThat(page).matches("/lietuva/account/enrolments/\\d+\\?done=1");
        // the same form sent twice (a double click) leads to the same sign-up
        mvc.perform(post("/lietuva/account/enrolments").with(user(principal)).with(csrf())
                        .param("session", Long.toString(session)).param("requestKey", "form-1"))
                .andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(user(principal)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You have a place.")));
        long id = Long.parseLong(page.replaceAll(".*/enrolments/(\\d+).*", "$1"));

        mvc.perform(get("/lietuva/activities/" + activityOf(session)).with(user(principal)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You have a place.")));
        mvc.perform(get("/lietuva/account/enrolments").with(user(principal)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Computer basics")))
                .andExpect(content().string(containsString("/lietuva/account/enrolments/" + id + "/cancel")));
        mvc.perform(get("/lietuva/account/enrolments/" + id + "/cancel").with(user(principal)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Yes, cancel")));
        // someone else can neither see nor cancel it
        var stranger = fixtures.principal(person("Stranger"));
        mvc.perform(get("/lietuva/account/enrolments/" + id).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/lietuva/account/enrolments/" + id + "/cancel").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");

        mvc.perform(post("/lietuva/account/enrolments/" + id + "/cancel").with(user(principal)).with(csrf()))
                .andExpect(redirectedUrl("/lietuva/account/enrolments"));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
    }

    @Test
    void theLinkFromTheEmailCancelsWithoutSigningIn() throws Exception {
        long session = classSession(2);
        long ana = person("Ana");
        EnrolmentOutcome outcome = signUp(session, ana);
        String body = jdbc.sql("SELECT body FROM outbox_email WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(fixtures.email(ana))
                .query(String.class).single();
        Matcher link = Pattern.compile("http://[^/]+(/lietuva/enrolment/manage/[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();

        mvc.perform(get(link.group(1)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancel your sign-up?")));
        mvc.perform(post(link.group(1)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your sign-up is cancelled.")));
        assertThat(statusOf(outcome.enrolmentId())).isEqualTo("CANCELLED");
        mvc.perform(get("/lietuva/enrolment/manage/" + "A".repeat(43)).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link is not valid")));
    }

    @Test
    void aFullSessionOffersTheWaitlistAndTellsThePosition() throws Exception {
        long session = classSession(1);
        signUp(session, person("Holder"));
        var ben = fixtures.principal(person("Ben"));
        mvc.perform(get("/lietuva/activities/" + activityOf(session)).with(user(ben)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Join the waitlist")))
                .andExpect(content().string(not(containsString("places left"))));
        MvcResult result = mvc.perform(post("/lietuva/account/enrolments").with(user(ben)).with(csrf())
                .param("session", Long.toString(session))).andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(ben)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("you are number 1 on the waitlist")));
    }
}
