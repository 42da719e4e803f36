package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class AccountPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(jdbc, passwords);
    }

    @Test
    void theAccountPageNeedsSigningIn() throws Exception {
        mvc.perform(get("/account")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void aPersonChangesTheirNameAndLanguage() throws Exception {
        CurrentAccount me = people.create("rename", "en");
        mvc.perform(post("/account/profile").with(user(me)).with(csrf()).param("displayName", "Ieva Jonaitė").param("language", "lt"))
                .andExpect(redirectedUrl("/account?saved"))
                .andExpect(cookie().value("lang", "lt"));
        assertThat(accounts.byId(me.id())).get().satisfies(account -> {
            assertThat(account.displayName()).isEqualTo("Ieva Jonaitė");
            assertThat(account.preferredLanguage()).isEqualTo("lt");
        });
        assertThat(accounts.preferredLanguage(me.id())).isEqualTo("lt");

        mvc.perform(post("/account/profile").with(user(me)).with(csrf()).param("displayName", "").param("language", "de")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill in this field.")))
                .andExpect(content().string(containsString("Please choose one of the options.")));
        assertThat(accounts.byId(me.id()).orElseThrow().displayName()).isEqualTo("Ieva Jonaitė");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() throws Exception {
        CurrentAccount me = people.create("repassword", "en");
        mvc.perform(post("/account/password").with(user(me)).with(csrf())
                        .param("currentPassword", "not my password").param("newPassword", "brand new password here")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not your current password.")));
        assertThat(people.failedSignIns(me.id())).isEqualTo(1);

        mvc.perform(post("/account/password").with(user(me)).with(csrf())
                        .param("currentPassword", People.PASSWORD).param("newPassword", "tiny")
                        .header("Accept-Language", "uk"))
                .andExpect(content().string(containsString("Пароль закороткий")));

        mvc.perform(post("/account/password").with(user(me)).with(csrf())
                        .param("currentPassword", People.PASSWORD).param("newPassword", "brand new password here"))
                .andExpect(redirectedUrl("/account?passwordChanged"));
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(me.id()).query(String.class).single();
        assertThat(passwords.matches("brand new password here", hash)).isTrue();
    }

    @Test
    void theFacadeFindsPeopleByAddressWithoutRegardToCase() {
        CurrentAccount me = people.create("Facade", "uk");
        assertThat(accounts.byEmail("  " + me.email().toUpperCase() + " ")).get()
                .extracting(AccountSummary::id).isEqualTo(me.id());
        assertThat(accounts.byEmail(People.newEmail("nobody"))).isEmpty();
        assertThat(accounts.byId(-1)).isEmpty();
        assertThat(accounts.preferredLanguage(-1)).isEqualTo("en");
    }
}
