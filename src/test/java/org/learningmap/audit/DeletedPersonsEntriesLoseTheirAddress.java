package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
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
class DeletedPersonsEntriesLoseTheirAddress {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aStaffMemberWhoDeletesTheirAccountLeavesTheActionButNotTheirEmail() throws Exception {
        var fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        long organisation = fixtures.organisation(site, "Audit deletion library", "APPROVED");
        long account = fixtures.account("Leaving Owner");
        fixtures.member(account, organisation, "OWNER");
        String email = fixtures.email(account);
        CurrentAccount me = fixtures.principal(account);

        mvc.perform(post("/lietuva/staff/organisations/" + organisation + "/staff").with(csrf()).with(user(me))
                .param("email", "learner@example.org").param("role", "EDUCATOR")).andReturn();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor_account_id = ? AND actor_email = ?").params(account, email)
                .query(Integer.class).single()).isPositive();

        String export = mvc.perform(get("/lietuva/account/privacy/export.json").with(user(me))).andReturn().getResponse().getContentAsString();
        assertThat(export).contains("auditLog", "POST /staff/organisations/{id}/staff");

        // the only owner cannot leave an organisation behind: another owner takes over first
        fixtures.member(fixtures.account("Next Owner"), organisation, "OWNER");
        mvc.perform(post("/lietuva/account/delete").with(csrf()).with(user(me)).param("confirmation", EditingFixtures.PASSWORD)
                .header("Accept-Language", "en")).andReturn();

        Map<String, Object> kept = jdbc.sql("SELECT * FROM audit_entry WHERE actor_account_id = ? AND route = '/staff/organisations/{id}/staff'")
                .param(account).query().singleRow();
        assertThat(kept.get("actor_email")).isNull();
        assertThat(kept.get("client_ip")).isNull();
        assertThat(kept.get("organisation_id")).isEqualTo(organisation);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = ?").param(account).query(Integer.class).single())
                .as("the account was deleted").isZero();
    }

    @Test
    void anEntryCannotBeChangedOtherwise() {
        var fixtures = new EditingFixtures(jdbc, passwords);
        long account = fixtures.account("Someone");
        jdbc.sql("""
                INSERT INTO audit_entry (at, event, actor_account_id, actor_email, role, channel, method, route, status, refused, request_id)
                VALUES (now(), 'REQUEST', ?, 'someone@example.org', 'OWNER', 'PAGE', 'POST', '/staff/x', 200, false, 'r1')
                """).param(account).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET status = 500 WHERE actor_account_id = ?")
                .param(account).update()).hasMessageContaining("append-only");
    }
}
