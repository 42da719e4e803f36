package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class OwnerReadsTheAuditLogOnAPhone extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anOwnerAddsAnEducatorThenFindsItInTheAuditLogFiltersItAndDownloadsIt() throws Exception {
        String owner = SignIn.newAccount(jdbc, passwords, "Rasa Savininkė", "en");
        String educator = SignIn.newAccount(jdbc, passwords, "Jonas Edukatorius", "en");
        long organisation = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, email, status)
                        SELECT id, 'utenos-biblioteka-' || floor(random() * 1000000)::int, 'LIBRARY',
                               '{"en": "Utena Public Library", "lt": "Utenos viešoji biblioteka"}'::jsonb, 'info@utena.example.org', 'APPROVED'
                        FROM site WHERE slug = 'lietuva' RETURNING id
                        """).query(Long.class).single();
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) SELECT id, ?, 'OWNER' FROM account WHERE email = ?")
                .params(organisation, owner).update();

        phone();
        SignIn.as(page, base(), owner, SignIn.PASSWORD);
        open("/staff/organisations/" + organisation);
        page.locator("#staffEmail").fill(educator);
        page.locator("#staffRole").selectOption("EDUCATOR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to staff")).click();
        assertThat(page.locator(".notice.success").first()).containsText("The person was added to the staff.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log: who changed what")).click();
        assertThat(page.locator("h1")).hasText("Audit log of the organisation");
        assertThat(page.locator(".audit-table")).containsText("POST /staff/organisations/{id}/staff");
        assertThat(page.locator(".audit-table")).containsText(owner);
        assertThat(page.locator(".audit-table")).containsText("Owner · page");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Action contains").fill("no such action");
        page.locator(".audit-filters button[type=submit]").click();
        assertThat(page.getByText("No entries match.")).isVisible();

        page.getByLabel("Action contains").fill("/staff");
        page.locator(".audit-filters button[type=submit]").click();
        assertThat(page.locator(".audit-table")).containsText("POST /staff/organisations/{id}/staff");
        assertFitsNarrowScreen();
        assertAccessible();

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as CSV")).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).contains("\"/staff/organisations/{id}/staff\"", "\"" + owner + "\"");
    }
}
