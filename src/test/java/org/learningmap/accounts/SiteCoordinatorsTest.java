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

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SiteCoordinatorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final CurrentAccount admin = new CurrentAccount(1L, "admin@example.org", "Admin", null, true, false, true, Set.of());

    private long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private long account(String email, String name) {
        return jdbc.sql("INSERT INTO account (email, display_name) VALUES (?, ?) RETURNING id").params(email, name)
                .query(Long.class).single();
    }

    private boolean coordinates(long accountId, long siteId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM site_role WHERE account_id = ? AND site_id = ? AND role = 'COORDINATOR')")
                .params(accountId, siteId).query(Boolean.class).single();
    }

    @Test
    void theAdministratorNamesAndRemovesCoordinatorsByEmail() throws Exception {
        long ukraine = site("ukraina");
        String email = "mykola." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        long person = account(email, "Микола Коваленко");

        mvc.perform(post("/admin/sites/" + ukraine + "/coordinators").param("email", email.toUpperCase()).with(csrf()).with(user(admin)))
                .andExpect(redirectedUrl("/admin/sites/" + ukraine + "/coordinators"));
        assertThat(coordinates(person, ukraine)).isTrue();
        mvc.perform(get("/admin/sites/" + ukraine + "/coordinators").with(user(admin)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Микола Коваленко")));

        mvc.perform(post("/admin/sites/" + ukraine + "/coordinators").param("email", "nobody-" + email).with(csrf()).with(user(admin))
                        .header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Немає облікового запису з цією адресою.")))
                .andExpect(content().string(containsString("value=\"nobody-" + email + "\"")));

        mvc.perform(post("/admin/sites/" + ukraine + "/coordinators/" + person + "/removal").with(csrf()).with(user(admin)))
                .andExpect(redirectedUrl("/admin/sites/" + ukraine + "/coordinators"));
        assertThat(coordinates(person, ukraine)).isFalse();
    }

    @Test
    void aSiteCoordinatorCannotNameCoordinators() throws Exception {
        long ukraine = site("ukraina");
        String email = "helper." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        long friend = account(email, "Friend");
        CurrentAccount coordinator = new CurrentAccount(account("c." + email, "Coordinator"), "c." + email, "Coordinator", null,
                true, false, false, Set.of(ukraine));
        mvc.perform(get("/admin/sites/" + ukraine + "/coordinators").with(user(coordinator))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sites/" + ukraine + "/coordinators").param("email", email).with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        assertThat(coordinates(friend, ukraine)).isFalse();
    }
}
