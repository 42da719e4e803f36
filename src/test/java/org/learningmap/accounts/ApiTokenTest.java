package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTokenTest {

    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\" id=\"new-token\">(lm_[A-Za-z0-9_-]+)</code>");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
    }

    private String createToken(CurrentAccount owner, String name) throws Exception {
        String page = mvc.perform(post("/account/tokens").with(user(owner)).with(csrf()).param("name", name)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Copy it now: it is shown only this once.")))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("the new token on the page").isTrue();
        return matcher.group(1);
    }

    private long tokenId(String secret) {
        return jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?").param(Secrets.hash(secret)).query(Long.class).single();
    }

    @Test
    void aTokenIsShownOnceAndActsAsItsOwnerInTheApi() throws Exception {
        CurrentAccount owner = people.create("token-owner", "en");
        String secret = createToken(owner, "Timetable import");

        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ? AND account_id = ?")
                .params(Secrets.hash(secret), owner.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ?").param(secret).query(Integer.class).single()).isZero();
        mvc.perform(get("/account").with(user(owner)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Timetable import")))
                .andExpect(content().string(containsString("Not used yet")))
                .andExpect(content().string(not(containsString(secret))));

        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(owner.id()))
                .andExpect(jsonPath("$.email").value(owner.email()));
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE id = ?").param(tokenId(secret))
                .query(Boolean.class).single()).isTrue();
        mvc.perform(get("/account").with(user(owner)).header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("Not used yet"))));
    }

    @Test
    void aWrongOrMissingTokenCannotWrite() throws Exception {
        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer lm_made-up"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer not-even-our-format"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/test/who-am-i"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRevokedTokenStopsWorkingAndOnlyItsOwnerCanRevokeIt() throws Exception {
        CurrentAccount owner = people.create("revoker", "en");
        CurrentAccount other = people.create("other", "en");
        String secret = createToken(owner, "Old laptop");
        long id = tokenId(secret);

        mvc.perform(post("/account/tokens/{id}/revoke", id).with(user(other)).with(csrf()))
                .andExpect(redirectedUrl("/account?revoked"));
        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());

        mvc.perform(post("/account/tokens/{id}/revoke", id).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/account?revoked"));
        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/account?revoked").with(user(owner)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("The token is revoked and no longer works.")))
                .andExpect(content().string(not(containsString("Old laptop"))));
    }

    @Test
    void aTokenOfADisabledAccountIsRefused() throws Exception {
        CurrentAccount owner = people.create("disabled", "en");
        String secret = createToken(owner, "Script");
        jdbc.sql("UPDATE account SET enabled = false WHERE id = ?").param(owner.id()).update();
        mvc.perform(post("/api/v1/test/who-am-i").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        CurrentAccount owner = people.create("unnamed", "en");
        mvc.perform(post("/account/tokens").with(user(owner)).with(csrf()).param("name", "  ").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill in this field.")))
                .andExpect(content().string(not(containsString("id=\"new-token\""))));
    }
}
