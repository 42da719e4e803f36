package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CoordinatorReadsOnlyTheirSite {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLog log;

    private void entry(long site, String route) {
        log.record(new NewEntry(Instant.now(), "REQUEST", site, 1L, "someone@example.org", "OWNER", "PAGE", "POST", route,
                Map.of(), 302, false, null, "192.0.2.0/24", UUID.randomUUID().toString()));
    }

    private MockHttpServletResponse as(CurrentAccount who, String path, String action) throws Exception {
        return mvc.perform(get(path).param("action", action).with(user(who)).header("Accept-Language", "en")).andReturn().getResponse();
    }

    @Test
    void theLithuanianCoordinatorSeesLithuaniaOnlyAndTheAdministratorSeesBoth() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        String marker = "/staff/marker-" + UUID.randomUUID().toString().substring(0, 8);
        entry(fixtures.site("lietuva"), marker + "/vilnius");
        entry(fixtures.site("ukraina"), marker + "/kyiv");
        CurrentAccount coordinator = fixtures.principal(fixtures.accountByEmail("coordinator.lt@example.org"));

        MockHttpServletResponse own = as(coordinator, "/lietuva/coordinator/audit", marker);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString()).contains(marker + "/vilnius").doesNotContain(marker + "/kyiv");
        assertThat(as(coordinator, "/lietuva/coordinator/audit.csv", marker).getContentAsString())
                .contains(marker + "/vilnius").doesNotContain(marker + "/kyiv");

        assertThat(as(coordinator, "/ukraina/coordinator/audit", marker).getStatus()).isEqualTo(403);
        assertThat(as(coordinator, "/ukraina/coordinator/audit.csv", marker).getStatus()).isEqualTo(403);
        assertThat(as(coordinator, "/lietuva/admin/audit", marker).getStatus()).isEqualTo(403);

        CurrentAccount admin = fixtures.principal(fixtures.accountByEmail("admin@example.org"));
        assertThat(as(admin, "/lietuva/admin/audit", marker).getContentAsString()).contains(marker + "/vilnius", marker + "/kyiv");
    }

    @Test
    void aLearnerCannotReadAnyAuditLog() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        CurrentAccount learner = fixtures.principal(fixtures.accountByEmail("learner@example.org"));
        assertThat(as(learner, "/lietuva/coordinator/audit", "").getStatus()).isEqualTo(403);
        assertThat(as(learner, "/lietuva/admin/audit.csv", "").getStatus()).isEqualTo(403);
    }
}
