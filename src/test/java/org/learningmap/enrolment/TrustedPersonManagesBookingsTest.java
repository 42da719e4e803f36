package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delegated access: a trusted person signs up and cancels for someone while the grant lasts, and the person sees it. */
class TrustedPersonManagesBookingsTest extends EnrolmentTestBase {

    long session;
    long ona;
    long ieva;

    @BeforeEach
    void onaTrustsIeva() {
        session = classSession(3);
        ona = person("Ona Onaitė");
        ieva = person("Ieva Helper");
    }

    void grant(String validUntil, boolean revoked) {
        jdbc.sql("""
                        INSERT INTO delegation (person_id, trusted_id, site_id, granted_at, valid_until, revoked_at)
                        VALUES (?, ?, ?, now() - interval '40 days', now() + cast(? AS interval), CASE WHEN ? THEN now() END)
                        """).params(ona, ieva, lietuva, validUntil, revoked).update();
    }

    List<String> logOf(long personId) {
        return jdbc.sql("SELECT action FROM delegation_log WHERE person_id = ? AND actor_id = ? ORDER BY id").params(personId, ieva)
                .query(String.class).list();
    }

    @Test
    void aTrustedPersonSignsUpAndCancelsForSomeoneWhoSeesItInTheirLog() throws Exception {
        grant("30 days", false);
        var helper = user(fixtures.principal(ieva));
        mvc.perform(get("/lietuva/account/enrolments/new").param("session", Long.toString(session)).with(helper).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Who is this sign-up for?")))
                .andExpect(content().string(containsString("For Ona Onaitė")));
        mvc.perform(post("/lietuva/account/enrolments").with(helper).with(csrf())
                        .param("session", Long.toString(session)).param("for", Long.toString(ona)).param("requestKey", "help-1"))
                .andExpect(redirectedUrl("/lietuva/account/people-i-help/" + ona + "/sign-ups?done"));
        Map<String, Object> row = jdbc.sql("SELECT id, source, acted_by, status FROM enrolment WHERE account_id = ?").param(ona).query().singleRow();
        assertThat(row.get("source")).isEqualTo("DELEGATE");
        assertThat(row.get("acted_by")).isEqualTo(ieva);
        assertThat(row.get("status")).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ?").param(ieva).query(Integer.class).single()).isZero();
        long id = (Long) row.get("id");

        mvc.perform(get("/lietuva/account/people-i-help").with(helper).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("/lietuva/account/people-i-help/" + ona + "/sign-ups")));
        mvc.perform(get("/lietuva/account/people-i-help/" + ona + "/sign-ups").with(helper).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign-ups of Ona Onaitė")))
                .andExpect(content().string(containsString("Computer basics")))
                .andExpect(content().string(containsString("/lietuva/account/people-i-help/" + ona + "/sign-ups/" + id + "/cancel")));
        mvc.perform(post("/lietuva/account/people-i-help/" + ona + "/sign-ups/" + id + "/cancel").with(helper).with(csrf()))
                .andExpect(redirectedUrl("/lietuva/account/people-i-help/" + ona + "/sign-ups"));
        assertThat(statusOf(id)).isEqualTo("CANCELLED");

        assertThat(logOf(ona)).containsExactly("enrolment.log.enrolled", "enrolment.log.cancelled");
        mvc.perform(get("/lietuva/account/trusted-people").with(user(fixtures.principal(ona))).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("signed me up for")))
                .andExpect(content().string(containsString("cancelled my sign-up for")));
    }

    @Test
    void aHelperWithAPlaceOfTheirOwnIsStillOfferedToSignUpThePersonTheyHelp() throws Exception {
        grant("30 days", false);
        signUp(session, ieva);
        var helper = user(fixtures.principal(ieva));
        mvc.perform(get("/lietuva/activities/" + activityOf(session)).with(helper).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You have a place.")))
                .andExpect(content().string(containsString("Sign up someone you help")));
        mvc.perform(get("/lietuva/account/enrolments/new").param("session", Long.toString(session)).with(helper).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("For Ona Onaitė")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("For me"))));
        mvc.perform(get("/lietuva/activities/" + activityOf(session)).with(user(fixtures.principal(ona))).header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sign up someone you help"))));
    }

    @Test
    void anExpiredGrantIsRefused() throws Exception {
        grant("-1 day", false);
        assertRefused();
    }

    @Test
    void aRevokedGrantIsRefused() throws Exception {
        grant("30 days", true);
        assertRefused();
    }

    @Test
    void noGrantNoAccessAndOnlyThePersonsOwnSignUpsCanBeCancelled() throws Exception {
        assertRefused();
        grant("30 days", false);
        long someoneElse = signUp(session, person("Someone Else")).enrolmentId();
        mvc.perform(post("/lietuva/account/people-i-help/" + ona + "/sign-ups/" + someoneElse + "/cancel")
                        .with(user(fixtures.principal(ieva))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(someoneElse)).isEqualTo("CONFIRMED");
    }

    void assertRefused() throws Exception {
        long onasOwn = signUp(classSession(2), ona).enrolmentId();
        var helper = user(fixtures.principal(ieva));
        mvc.perform(get("/lietuva/account/people-i-help/" + ona + "/sign-ups").with(helper)).andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/account/enrolments").with(helper).with(csrf())
                        .param("session", Long.toString(session)).param("for", Long.toString(ona)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/account/people-i-help/" + ona + "/sign-ups/" + onasOwn + "/cancel").with(helper).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(onasOwn)).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ? AND source = 'DELEGATE'").param(ona).query(Integer.class).single())
                .isZero();
        assertThat(logOf(ona)).isEmpty();
    }
}
