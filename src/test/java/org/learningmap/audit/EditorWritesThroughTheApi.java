package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EditorWritesThroughTheApi {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    private String tokenOf(long account) throws Exception {
        String token = "lm_" + UUID.randomUUID().toString().replace("-", "");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("INSERT INTO api_token (account_id, name, token_hash, created_at) VALUES (?, 'audit test', ?, now())")
                .params(account, hash).update();
        return token;
    }

    @Test
    void anEditorsApiWriteIsRecordedWithTheTokenDoorAndALearnersOwnSignUpIsNot() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        long editor = fixtures.accountByEmail("editor@example.org");
        long library = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? ORDER BY organisation_id LIMIT 1")
                .param(editor).query(Long.class).single();
        long activity = jdbc.sql("SELECT id FROM activity WHERE organisation_id = ? ORDER BY id LIMIT 1").param(library).query(Long.class).single();
        String requestId = "api-" + UUID.randomUUID();

        int status = mvc.perform(put("/lietuva/api/v1/activities/" + activity).header("Authorization", "Bearer " + tokenOf(editor))
                        .header("X-Request-Id", requestId).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();

        Map<String, Object> entry = jdbc.sql("SELECT * FROM audit_entry WHERE request_id = ?").param(requestId).query().singleRow();
        assertThat(entry.get("channel")).isEqualTo("API");
        assertThat(entry.get("method")).isEqualTo("PUT");
        assertThat(entry.get("route")).isEqualTo("/api/v1/activities/{id}");
        assertThat(entry.get("organisation_id")).isEqualTo(library);
        assertThat(entry.get("role")).isEqualTo("EDITOR");
        assertThat(entry.get("status")).isEqualTo(status);

        long learner = fixtures.account("Api Learner");
        long session = jdbc.sql("SELECT id FROM session ORDER BY id LIMIT 1").query(Long.class).single();
        String learnersRequest = "api-" + UUID.randomUUID();
        mvc.perform(post("/lietuva/api/v1/sessions/" + session + "/enrolment").header("Authorization", "Bearer " + tokenOf(learner))
                .header("X-Request-Id", learnersRequest).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE request_id = ?").param(learnersRequest).query(Integer.class).single())
                .as("a learner's own sign-up is no staff action").isZero();
    }
}
