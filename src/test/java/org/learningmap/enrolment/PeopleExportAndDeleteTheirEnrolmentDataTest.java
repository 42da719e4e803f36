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

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;

/**
 * A person's export holds their sign-ups, attendance, skills checks and saved searches and nothing of
 * anyone else; deleting the account leaves the counts of each session as they were, naming nobody.
 */
class PeopleExportAndDeleteTheirEnrolmentDataTest extends EnrolmentTestBase {

    long session;
    long ana;
    long ben;
    long anaSignUp;
    String passCode;

    @BeforeEach
    void anaAndBenSignUpAndCome() {
        session = classSession(5);
        ana = person("Ana Anaitė");
        ben = person("Ben Benaitis");
        anaSignUp = enrolments.enrol(session, ana, EnrolmentSource.SELF, null, Map.of("access", "wheelchair ramp please"), null).enrolmentId();
        long benSignUp = enrolments.enrol(session, ben, EnrolmentSource.SELF, null, Map.of("access", "Ben's own secret answer"), null)
                .enrolmentId();
        present(ana, anaSignUp);
        present(ben, benSignUp);
        jdbc.sql("""
                        INSERT INTO enrolment_reminder (enrolment_id, session_id, site_id, organisation_id, token_hash, sent_at, answered_at, answer)
                        VALUES (?, ?, ?, ?, ?, now(), now(), 'COMING')
                        """).params(anaSignUp, session, lietuva, orgA, "reminder-" + UUID.randomUUID()).update();
        passCode = "P" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
        jdbc.sql("INSERT INTO check_in_pass (account_id, code, created_at) VALUES (?, ?, now())").params(ana, passCode).update();
        jdbc.sql("INSERT INTO personal_calendar_feed (account_id, token_hash) VALUES (?, ?)").params(ana, "feed-" + UUID.randomUUID()).update();
        jdbc.sql("INSERT INTO saved_search (site_id, account_id, name, query) VALUES (?, ?, ?, 'q=evening')")
                .params(lietuva, ana, "Evening classes near me " + ana).update();
        skillsCheck(ana, 64);
        skillsCheck(ben, 17);
    }

    void present(long accountId, long enrolmentId) {
        jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, enrolment_id, account_id, status, method,
                                                recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PRESENT', 'TAP', ?, now())
                        """).params(lietuva, orgA, activityOf(session), session, enrolmentId, accountId, educatorA).update();
    }

    void skillsCheck(long accountId, int percent) {
        jdbc.sql("""
                        INSERT INTO assessment_attempt (id, site_id, account_id, resume_code, kind, framework, bank_version, language,
                                                        answers, started_at, updated_at, finished_at, scoring_rule, result)
                        VALUES (?, ?, ?, ?, 'QUICK', 'digcomp', 'v1', 'en', '{}'::jsonb, now(), now(), now(), 'r1', ?::jsonb)
                        """)
                .params(UUID.randomUUID(), lietuva, accountId, "R" + UUID.randomUUID().toString().substring(0, 10), """
                        {"rule": "r1", "bank": "v1", "areas": {"information": {"percent": %d, "level": 3, "band": "INTERMEDIATE"}},
                         "competences": {}}""".formatted(percent))
                .update();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void theExportHoldsMySignUpsAttendanceAndSkillsResultsAndNothingOfAnyoneElse() throws Exception {
        String json = mvc.perform(get("/lietuva/account/privacy/export.json").with(user(fixtures.principal(ana))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json)
                .contains("\"enrolments\"", "Computer basics", "wheelchair ramp please", "\"CONFIRMED\"")
                .contains("\"attendance\"", "\"PRESENT\"")
                .contains("\"reminderReplies\"", "\"COMING\"")
                .contains("\"checkInPass\"", passCode)
                .contains("\"personalCalendar\"")
                .contains("\"skillsChecks\"", "64%")
                .contains("\"savedSearches\"", "Evening classes near me")
                .doesNotContain("Ben's own secret answer", "Ben Benaitis", fixtures.email(ben), "17%");
    }

    @Test
    void thePrintableExportShowsTheNewSectionsInMyLanguage() throws Exception {
        mvc.perform(get("/lietuva/account/privacy/export").with(user(fixtures.principal(ana))).param("lang", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registracijos")))
                .andExpect(content().string(containsString("Turi vietą")))
                .andExpect(content().string(containsString("Lankomumas")))
                .andExpect(content().string(containsString("Dalyvavo")))
                .andExpect(content().string(containsString("Įgūdžių patikrinimai")))
                .andExpect(content().string(containsString("Išsaugotos paieškos")))
                .andExpect(content().string(containsString("Computer basics")));
    }

    @Test
    void afterDeletionNothingNamesMeAndTheCountsOfTheSessionStay() throws Exception {
        int signUpsBefore = count("SELECT count(*) FROM enrolment WHERE session_id = ? AND status = 'CONFIRMED'", session);
        int presentBefore = count("SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'PRESENT'", session);
        assertThat(signUpsBefore).isEqualTo(2);

        mvc.perform(post("/lietuva/account/delete").with(user(fixtures.principal(ana))).with(csrf())
                        .param("confirmation", EditingFixtures.PASSWORD))
                .andExpect(redirectedUrl("/lietuva/account-deleted"));

        assertThat(count("SELECT count(*) FROM account WHERE id = ?", ana)).isZero();
        assertThat(count("SELECT count(*) FROM enrolment WHERE session_id = ? AND status = 'CONFIRMED'", session)).isEqualTo(signUpsBefore);
        assertThat(confirmedInPool(session)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'PRESENT'", session)).isEqualTo(presentBefore);
        // the anonymous rows keep no answers, no links and no codes that could lead back to the person
        assertThat(jdbc.sql("SELECT answers::text FROM enrolment WHERE id = ?").param(anaSignUp).query(String.class).single()).isEqualTo("{}");
        assertThat(count("SELECT count(*) FROM enrolment WHERE id = ? AND (account_id IS NOT NULL OR manage_token_hash IS NOT NULL)", anaSignUp))
                .isZero();
        assertThat(count("SELECT count(*) FROM enrolment_reminder WHERE enrolment_id = ? AND token_hash NOT LIKE 'forgotten-%'", anaSignUp))
                .isZero();
        assertThat(count("SELECT count(*) FROM check_in_pass WHERE code = ?", passCode)).isZero();
        assertThat(count("SELECT count(*) FROM assessment_attempt WHERE account_id IS NULL AND result::text LIKE '%64%' AND resume_code LIKE 'forgotten-%'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM saved_search WHERE name = ?", "Evening classes near me " + ana)).isZero();
        // the other person keeps everything
        assertThat(jdbc.sql("SELECT answers->>'access' FROM enrolment WHERE account_id = ?").param(ben).query(String.class).single())
                .isEqualTo("Ben's own secret answer");
        assertThat(count("SELECT count(*) FROM attendance WHERE account_id = ?", ben)).isEqualTo(1);
    }
}
