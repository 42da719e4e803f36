package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MinorsNeedAGuardianBeforeSigningUpTest extends EnrolmentTestBase {

    long minor(String name) {
        long id = person(name, "lt");
        jdbc.sql("UPDATE account SET guardian_required = true WHERE id = ?").param(id).update();
        return id;
    }

    String token(long accountId) {
        String secret = "lm_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        jdbc.sql("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, 'test', ?)")
                .params(accountId, Tokens.hash(secret)).update();
        return "Bearer " + secret;
    }

    int signUps(long accountId) {
        return jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ?").param(accountId).query(Integer.class).single();
    }

    @Test
    void aMinorWithoutAGuardiansConsentIsToldWhyOnThePageInTheirLanguage() throws Exception {
        long session = classSession(5);
        long tomas = minor("Tomas");
        mvc.perform(post("/lietuva/account/enrolments").with(user(fixtures.principal(tomas))).with(csrf())
                        .param("session", Long.toString(session)).param("lang", "lt"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("pirmiausia turi sutikti vienas iš tėvų arba globėjas")));
        assertThat(signUps(tomas)).isZero();
    }

    @Test
    void aMinorWithoutAGuardiansConsentIsRefusedByTheApi() throws Exception {
        long session = classSession(5);
        long tomas = minor("Tomas");
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", token(tomas))
                        .header("Accept-Language", "uk"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("один із батьків або опікун")));
        assertThat(signUps(tomas)).isZero();
    }

    @Test
    void onceTheGuardianAgreedTheMinorSignsUp() throws Exception {
        long session = classSession(5);
        long tomas = minor("Tomas");
        jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, recorded_by, given_at)
                        VALUES (?, ?, 'PERSONAL_DATA', 'PAPER', 'Asta', '+37060011122', ?, now())
                        """).params(tomas, lietuva, editorA).update();
        assertThat(signUp(session, tomas).status()).isEqualTo(EnrolmentStatus.CONFIRMED);
    }
}
