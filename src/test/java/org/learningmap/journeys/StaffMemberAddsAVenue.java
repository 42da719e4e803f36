package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class StaffMemberAddsAVenue extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEditorAddsABranchOnAPhoneFindingItsCoordinatesFromTheTown() {
        String editor = SignIn.newAccount(jdbc, passwords, "Eglė Redaktorė", "lt");
        long organisation = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, email, status)
                        SELECT id, 'kauno-biblioteka-' || floor(random() * 1000000)::int, 'LIBRARY',
                               '{"en": "Kaunas County Library", "lt": "Kauno apskrities biblioteka"}'::jsonb, 'info@kaunas.example.org', 'APPROVED'
                        FROM site WHERE slug = 'lietuva' RETURNING id
                        """).query(Long.class).single();
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) SELECT id, ?, 'EDITOR' FROM account WHERE email = ?")
                .params(organisation, editor).update();

        phone();
        SignIn.as(page, base(), editor, SignIn.PASSWORD);
        open("/staff");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kaunas County Library")).click();
        assertThat(page.locator("h1")).hasText("Kaunas County Library");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a venue")).click();
        assertThat(page.locator("h1")).hasText("Add a venue");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Kind of place").selectOption("LIBRARY_BRANCH");
        page.locator("#name-lt").fill("Šilainių filialas");
        page.locator("#name-en").fill("Šilainiai branch");
        page.getByLabel("Street address").fill("Baltų pr. 53");
        page.getByLabel("Town or village").fill("kaunas");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find coordinates from the town")).click();

        assertThat(page.locator(".notice.success")).containsText("The coordinates of Kaunas were filled in.");
        assertThat(page.getByLabel("Latitude")).hasValue(Pattern.compile("54\\.\\d+"));
        assertThat(page.getByLabel("Longitude")).hasValue(Pattern.compile("23\\.\\d+"));
        assertThat(page.locator("#name-lt")).hasValue("Šilainių filialas");
        screenshot("staff-venue-form-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Monday").fill("10:00–19:00");
        page.getByLabel("Step-free entrance").check();
        page.getByLabel("Computers to use").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the venue")).click();

        assertThat(page.locator("main")).containsText("The venue was saved.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Šilainiai branch"))).isVisible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the public page")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Šilainiai branch")).click();
        assertThat(page.locator("h1")).hasText("Šilainiai branch");
        assertThat(page.locator("main")).containsText("Baltų pr. 53");
        assertThat(page.locator("address")).containsText("Kaunas");
        assertThat(page.locator("main")).containsText("10:00–19:00");
        assertThat(page.locator(".facts-list")).containsText("Step-free entrance");
        assertThat(page.locator(".facts-list")).containsText("Computers to use");
        screenshot("public-venue-phone");
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
