package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class EditorSharesANewVersionOfAGuide extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anEditorAddsAGuideIsToldOffForADisguisedFileAndUploadsASecondVersionOnAPhone() {
        String editor = SignIn.newAccount(jdbc, passwords, "Jonas Redaktorius", "en");
        long organisation = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, email, status)
                        SELECT id, 'utenos-biblioteka-' || floor(random() * 1000000)::int, 'LIBRARY',
                               '{"en": "Utena Library", "lt": "Utenos biblioteka"}'::jsonb, 'info@utena.example.org', 'APPROVED'
                        FROM site WHERE slug = 'lietuva' RETURNING id
                        """).query(Long.class).single();
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) SELECT id, ?, 'EDITOR' FROM account WHERE email = ?")
                .params(organisation, editor).update();

        phone();
        SignIn.as(page, base(), editor, SignIn.PASSWORD);
        open("/staff/organisations/" + organisation);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Our methods library")).click();
        assertThat(page.locator("h1")).hasText("Our methods library");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to the library")).click();
        assertThat(page.locator("h1")).hasText("Add to the library");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Kind").selectOption("GUIDE");
        page.getByLabel("Title").fill("Guide to running a digital help desk");
        page.getByLabel("Description").fill("Setting up, welcoming visitors, keeping notes.");
        page.getByLabel("Language of the material").selectOption("en");
        page.getByLabel("Educators", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("help-desk-guide.pdf", "application/pdf", pdf("edition one")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the library")).click();

        assertThat(page.locator(".notice.success")).hasText("The item was added to the library.");
        assertThat(page.locator(".library-versions")).containsText("Version 1: help-desk-guide.pdf");
        assertFitsNarrowScreen();
        assertAccessible();

        // A web page renamed .pdf is refused, in words, and nothing is added.
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("guide-v2.pdf",
                "application/pdf", "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the new version")).click();
        assertThat(page.locator("[role=alert]")).containsText("This file is not one of the accepted kinds");
        assertThat(page.locator(".library-versions li")).hasCount(1);
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("help-desk-guide-v2.pdf", "application/pdf", pdf("edition two")));
        page.getByLabel("What is new in this version").fill("A chapter on 1:1 help");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the new version")).click();
        assertThat(page.locator(".notice.success")).containsText("The new version was added.");
        assertThat(page.locator(".library-versions li")).hasCount(2);
        assertThat(page.locator(".library-versions")).containsText("A chapter on 1:1 help");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it in the public library")).click();
        assertThat(page.locator("h1")).hasText("Guide to running a digital help desk");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Version 1: help-desk-guide.pdf"))).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
