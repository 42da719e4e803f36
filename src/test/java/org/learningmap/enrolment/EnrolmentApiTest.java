package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class EnrolmentApiTest extends EnrolmentTestBase {

    /** A personal API token for the account, as the account page would create it. */
    String token(long accountId) {
        String secret = "lm_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        jdbc.sql("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, 'test', ?)")
                .params(accountId, Tokens.hash(secret)).update();
        return "Bearer " + secret;
    }

    @Test
    void aProgramSignsUpRetriesSafelyListsAndCancels() throws Exception {
        long session = classSession(1);
        String ana = token(person("Ana"));
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ana)
                        .header("Idempotency-Key", "k-1").header("Accept-Language", "en"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.sessionId").value(session));
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ana)
                        .header("Idempotency-Key", "k-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.alreadyEnrolled").value(true));
        String ben = token(person("Ben"));
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ben)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\": {}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.position").value(1));

        mvc.perform(get("/lietuva/api/v1/account/enrolments").header("Authorization", ana))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("CONFIRMED"))
                .andExpect(jsonPath("$[0].activityTitle.en").value("Computer basics"));

        mvc.perform(delete("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ana))
                .andExpect(status().isNoContent());
        mvc.perform(get("/lietuva/api/v1/account/enrolments").header("Authorization", ben))
                .andExpect(jsonPath("$[0].status").value("CONFIRMED"));
        mvc.perform(delete("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ana).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("You are not signed up for this session."));
    }

    @Test
    void errorsAreProblemDetailsInTheCallersLanguage() throws Exception {
        long session = classSession(3);
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/lietuva/api/v1/account/enrolments"))
                .andExpect(status().isUnauthorized());
        String ana = token(person("Ana"));
        jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE id = ?").param(session).update();
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", ana).header("Accept-Language", "lt"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("atšauktas")));
        mvc.perform(post("/lietuva/api/v1/sessions/999999999/enrolment").header("Authorization", ana))
                .andExpect(status().isNotFound());
        // a session of another site is not found through this site's API
        mvc.perform(post("/ukraina/api/v1/sessions/" + classSession(3) + "/enrolment").header("Authorization", ana))
                .andExpect(status().isNotFound());
        long other = classSession(3);
        mvc.perform(post("/lietuva/api/v1/sessions/" + other + "/enrolment").header("Authorization", ana).header("Idempotency-Key", "same"))
                .andExpect(status().isCreated());
        mvc.perform(post("/lietuva/api/v1/sessions/" + classSession(3) + "/enrolment").header("Authorization", ana).header("Idempotency-Key", "same"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").exists());
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE idempotency_key = 'same'").query(Integer.class).single()).isEqualTo(1);
    }
}
