package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An editor on a phone imports a spreadsheet of activities, reads the report of the row that was
 * wrong, then corrects an imported activity, moves one of its sessions and makes a copy of it.
 */
class StaffMemberImportsActivitiesFromASpreadsheet extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void onAPhone() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        fixtures.topics(site);
        long organisation = fixtures.organisation(site, "Alytus youth centre", "APPROVED");
        long venue = fixtures.venue(site, organisation, "Youth centre hall", "Alytus");
        long editor = fixtures.account("Jonas Editor");
        fixtures.member(editor, organisation, "EDITOR");
        phone();
        SignIn.as(page, base(), fixtures.email(editor), EditingFixtures.PASSWORD);

        String activities = "/staff/organisations/" + organisation + "/activities";
        open(activities + "/import");
        assertThat(page.locator("h1")).hasText("Import activities from a spreadsheet");
        checkPage();
        String first = LocalDate.now(ZoneId.of("Europe/Vilnius")).plusDays(12) + " 16:00";
        String csv = """
                kind,title_lt,title_en,topics,venue_id,first_start,duration_minutes,weekly_count,min_age,max_age
                CLUB,Robotikos būrelis,Robotics club,digital-skills,%1$d,%2$s,60,4,10,14
                CLASS,Blogas amžius,Wrong ages,,,,,,16,12
                """.formatted(venue, first);
        page.locator("#file").setInputFiles(new FilePayload("activities.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();

        assertThat(page.locator("h1")).hasText("Importing activities");
        assertThat(page.locator(".notice.success")).hasText("The import is finished.");
        assertThat(page.locator("#import-status [role=status]")).containsText("2 of 2 rows checked: 1 imported");
        assertThat(page.locator("table.report tbody tr")).hasCount(1);
        assertThat(page.locator("table.report tbody tr")).containsText("The highest age must not be lower than the lowest age.");
        checkPage();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the drafts")).click();
        assertThat(page.locator(".activity-list li")).hasCount(1);
        checkPage();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Robotics club")).click();
        assertThat(page.locator("ol.sessions li")).hasCount(4);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit details")).click();
        assertThat(page.locator("#title-lt")).hasValue("Robotikos būrelis");
        checkPage();
        page.locator("#title-en").fill("Robotics club for teenagers");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator("h1")).hasText("Robotics club for teenagers");

        page.locator("ol.sessions li").first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Change")).click();
        assertThat(page.locator("h1")).hasText("Change a session");
        checkPage();
        page.locator("#session-start").fill("17:00");
        page.locator("#session-end").fill("18:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save session")).click();
        assertThat(page.locator("ol.sessions li").first()).containsText("17:00–18:30");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Copy").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Copy an activity");
        checkPage();
        page.getByLabel("Without sessions").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a copy")).click();
        assertThat(page.locator(".notice.success")).hasText("This is your copy, saved as a draft.");
        assertThat(page.locator("ol.sessions li")).hasCount(0);

        assertThat(jdbc.sql("SELECT count(*) FROM activity WHERE organisation_id = ?").param(organisation).query(Integer.class).single())
                .isEqualTo(2);
    }

    private void checkPage() {
        assertAccessible();
        assertFitsNarrowScreen();
        // A phone browser widens its layout viewport to fit content that overflows, so compare with the screen too.
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width on %s", page.url()).isLessThanOrEqualTo(page.viewportSize().width);
    }
}
