package org.learningmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
class OwnerReadsWhatTheirStaffDid {

    private static final String ROUTE = "POST /staff/organisations/{orgId}/activities/{id}/publish";
    private static final String COPY = "POST /staff/organisations/{orgId}/activities/{id}/copy";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    long library;
    long activity;
    CurrentAccount owner;
    CurrentAccount editor;
    CurrentAccount ownerInKyiv;

    @BeforeEach
    void people() {
        fixtures = new EditingFixtures(jdbc, passwords);
        long ownerId = fixtures.accountByEmail("owner@example.org");
        library = jdbc.sql("SELECT organisation_id FROM membership WHERE account_id = ? AND role = 'OWNER' ORDER BY organisation_id LIMIT 1")
                .param(ownerId).query(Long.class).single();
        activity = jdbc.sql("SELECT id FROM activity WHERE organisation_id = ? ORDER BY id LIMIT 1").param(library).query(Long.class).single();
        owner = fixtures.principal(ownerId);
        editor = fixtures.principal(fixtures.accountByEmail("editor@example.org"));
        ownerInKyiv = fixtures.principal(fixtures.accountByEmail("owner.ua@example.org"));
    }

    private MockHttpServletResponse as(CurrentAccount who, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(user(who)).header("Accept-Language", "en")).andReturn().getResponse();
    }

    private Map<String, Object> lastEntryOf(CurrentAccount actor, String route) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE actor_account_id = ? AND route = ? ORDER BY id DESC LIMIT 1")
                .params(actor.id(), route.substring(route.indexOf(' ') + 1)).query().singleRow();
    }

    @Test
    void theOwnerSeesTheEditorsCopyWithTheRouteAndTheOutcome() throws Exception {
        MockHttpServletResponse published = as(editor, post("/lietuva/staff/organisations/" + library + "/activities/" + activity + "/copy").with(csrf()));
        assertThat(published.getStatus()).isEqualTo(302);

        Map<String, Object> entry = lastEntryOf(editor, COPY);
        assertThat(entry.get("status")).isEqualTo(published.getStatus());
        assertThat(entry.get("organisation_id")).isEqualTo(library);
        assertThat(entry.get("actor_email")).isEqualTo("editor@example.org");
        assertThat(entry.get("role")).isEqualTo("EDITOR");
        assertThat(entry.get("channel")).isEqualTo("PAGE");
        assertThat(entry.get("refused")).isEqualTo(false);
        assertThat(entry.get("path_variables").toString()).contains("\"id\": \"" + activity + "\"");
        assertThat(entry.get("client_ip")).isEqualTo("127.0.0.0/24");
        assertThat(published.getHeader("X-Request-Id")).isEqualTo(entry.get("request_id"));

        MockHttpServletResponse page = as(owner, get("/lietuva/staff/organisations/" + library + "/audit").param("actor", "editor@example.org"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains(COPY, "editor@example.org", "Editor · page", "Done", "(302)");

        MockHttpServletResponse csv = as(owner, get("/lietuva/staff/organisations/" + library + "/audit.csv").param("action", "copy"));
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString()).contains("\"/staff/organisations/{orgId}/activities/{id}/copy\"", "\"editor@example.org\"");
    }

    @Test
    void anOwnerOfAnotherOrganisationTryingToPublishIsRecordedAsRefused() throws Exception {
        MockHttpServletResponse refused = as(ownerInKyiv,
                post("/lietuva/staff/organisations/" + library + "/activities/" + activity + "/publish").with(csrf()));
        assertThat(refused.getStatus()).isIn(403, 404);

        Map<String, Object> entry = lastEntryOf(ownerInKyiv, ROUTE);
        assertThat(entry.get("status")).isEqualTo(refused.getStatus());
        assertThat(entry.get("organisation_id")).isEqualTo(library);
        assertThat(entry.get("role")).isEqualTo("PERSON");

        String html = as(owner, get("/lietuva/staff/organisations/" + library + "/audit").param("actor", "owner.ua@example.org"))
                .getContentAsString();
        assertThat(html).contains("owner.ua@example.org", ROUTE, "Refused", "(" + refused.getStatus() + ")");
        assertThat(entry.get("refused")).isEqualTo(true);
    }

    @Test
    void aSignedInPersonWhoIsNoAdministratorIsRefusedAnAdminActionAndItIsRecorded() throws Exception {
        long site = fixtures.site("lietuva");
        MockHttpServletResponse refused = as(owner, post("/lietuva/admin/sites/" + site + "/coordinators").with(csrf())
                .param("email", "learner@example.org"));
        assertThat(refused.getStatus()).isEqualTo(403);

        Map<String, Object> entry = lastEntryOf(owner, "POST /admin/sites/{siteId}/coordinators");
        assertThat(entry.get("status")).isEqualTo(403);
        assertThat(entry.get("refused")).isEqualTo(true);
    }

    @Test
    void anOwnerOfAnotherOrganisationCannotReadTheLog() throws Exception {
        assertThat(as(ownerInKyiv, get("/lietuva/staff/organisations/" + library + "/audit")).getStatus()).isIn(403, 404);
        assertThat(as(ownerInKyiv, get("/lietuva/staff/organisations/" + library + "/audit.csv")).getStatus()).isIn(403, 404);
        assertThat(as(editor, get("/lietuva/staff/organisations/" + library + "/audit")).getStatus())
                .as("an editor of the same organisation is no owner").isEqualTo(403);
    }

    @Test
    void aBrokenDateInTheFilterIsToldNotFailed() throws Exception {
        MockHttpServletResponse page = as(owner, get("/lietuva/staff/organisations/" + library + "/audit").param("from", "yesterday")
                .param("page", "99999"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("The start date is not a date", "No entries match.");
    }
}
