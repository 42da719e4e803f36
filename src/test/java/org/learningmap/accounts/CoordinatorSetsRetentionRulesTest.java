package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Only the site's coordinator sets its retention rules; a wrong number is explained, "keep" works in every language. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CoordinatorSetsRetentionRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Retention retention;

    EditingFixtures fixtures;
    long ukraina;
    CurrentAccount coordinator;
    CurrentAccount learner;

    @BeforeEach
    void setUp() {
        fixtures = new EditingFixtures(jdbc, passwords);
        ukraina = fixtures.site("ukraina");
        long id = fixtures.account("Coordinator of Ukraine");
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(id, ukraina).update();
        coordinator = fixtures.principal(id);
        learner = fixtures.principal(fixtures.account("A learner"));
    }

    @Test
    void theCoordinatorSavesRulesWithKeepInUkrainian() throws Exception {
        mvc.perform(get("/ukraina/coordinator/privacy").with(user(coordinator)).param("lang", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Як довго ми зберігаємо персональні дані")));
        mvc.perform(post("/ukraina/coordinator/privacy").with(user(coordinator)).with(csrf()).param("lang", "uk")
                        .param("inactive", "24").param("unclaimed", "зберігати").param("answers", "3").param("evidence", "18"))
                .andExpect(redirectedUrl("/ukraina/coordinator/privacy"));
        assertThat(retention.of(ukraina)).isEqualTo(new RetentionRules(ukraina, 24, null, 3, 18));
        mvc.perform(get("/ukraina/privacy").param("lang", "uk"))
                .andExpect(content().string(containsString("Обліковий запис без входу та без записів протягом 24 міс. видаляється.")));
    }

    @Test
    void aWrongNumberIsExplainedAndNothingChanges() throws Exception {
        RetentionRules before = retention.of(ukraina);
        mvc.perform(post("/ukraina/coordinator/privacy").with(user(coordinator)).with(csrf()).param("lang", "en")
                        .param("inactive", "2").param("unclaimed", "keep").param("answers", "6").param("evidence", "keep"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please write a whole number of months in the range shown")));
        assertThat(retention.of(ukraina)).isEqualTo(before);
    }

    @Test
    void onlyTheSitesCoordinatorMaySetThem() throws Exception {
        mvc.perform(get("/ukraina/coordinator/privacy").with(user(learner))).andExpect(status().isForbidden());
        mvc.perform(post("/ukraina/coordinator/privacy").with(user(learner)).with(csrf()).param("answers", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lietuva/coordinator/privacy").with(user(coordinator))).andExpect(status().isForbidden());
    }
}
