package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class EducatorEditsAnActivityBadge extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEditorOpensTheBadgeOfAPublishedActivityOnAPhoneAlignsItAndSeesItsPublicPage() {
        String editor = SignIn.newAccount(jdbc, passwords, "Rūta Redaktorė", "en");
        long organisation = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, email, status)
                        SELECT id, 'siauliu-biblioteka-' || floor(random() * 1000000)::int, 'LIBRARY',
                               '{"en": "Šiauliai Public Library", "lt": "Šiaulių viešoji biblioteka"}'::jsonb, 'info@siauliai.example.org', 'APPROVED'
                        FROM site WHERE slug = 'lietuva' RETURNING id
                        """).query(Long.class).single();
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) SELECT id, ?, 'EDITOR' FROM account WHERE email = ?")
                .params(organisation, editor).update();
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, digcomp, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', '{"en": "Video calls with family", "lt": "Vaizdo skambučiai artimiesiems"}',
                               '{"en": "Call your family with video"}', '{2.1}', now()
                          FROM organisation WHERE id = ? RETURNING id
                        """).param(organisation).query(Long.class).single();

        phone();
        SignIn.as(page, base(), editor, SignIn.PASSWORD);
        open("/staff/organisations/" + organisation + "/activities/" + activity);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Badge").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Video calls with family");
        assertThat(page.locator("#name-lt")).hasValue("Vaizdo skambučiai artimiesiems");
        assertThat(page.locator("#criteria-en")).hasValue("Took part in \u201cVideo calls with family\u201d and attended its sessions.");
        assertThat(page.getByLabel("2.1 Interacting through digital technologies")).isChecked();
        assertFitsNarrowScreen();
        assertAccessible();

        page.locator("#name-uk").fill("Відеодзвінки з родиною");
        page.getByLabel("4.2 Protecting personal data and privacy").check();
        page.getByLabel("Skill 1: address").fill("http://data.europa.eu/esco/skill/video-calls-1");
        page.getByLabel("Skill 1: name").fill("use video conferencing software");
        page.getByLabel("Valid for (days)").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save badge")).click();

        assertThat(page.locator(".notice.error")).containsText("Enter a whole number from 1 to 3650, or leave it empty.");
        assertThat(page.locator("#name-uk")).hasValue("Відеодзвінки з родиною");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Valid for (days)").fill("730");
        page.getByLabel("Attendance needed (%)").fill("90");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save badge")).click();

        assertThat(page.locator(".notice.success")).hasText("The badge is saved.");
        assertThat(page.getByLabel("4.2 Protecting personal data and privacy")).isChecked();
        assertThat(page.getByLabel("Skill 1: name")).hasValue("use video conferencing software");
        screenshot("staff-badge-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the public page")).click();
        assertThat(page.locator("h1")).hasText("Video calls with family");
        assertThat(page.locator("main")).containsText("2.1 Interacting through digital technologies");
        assertThat(page.locator("main")).containsText("use video conferencing software");
        assertThat(page.locator("main")).containsText("An award is valid for 730 days.");
        screenshot("public-badge-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Šiauliai Public Library")).click();
        assertThat(page.locator("h1")).hasText("Šiauliai Public Library");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Video calls with family"))).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
