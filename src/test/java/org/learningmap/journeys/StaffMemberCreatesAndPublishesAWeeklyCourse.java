package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An editor of a library signs in, creates a course, gives it a weekly series on Tuesdays and
 * Thursdays with a preview of the dates, and publishes it: on a desktop and on a phone.
 */
class StaffMemberCreatesAndPublishesAWeeklyCourse extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    private long organisation;
    private String email;

    @BeforeEach
    void aLibraryWithAnEditor() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        fixtures.topics(site);
        organisation = fixtures.organisation(site, "Šilainiai library", "APPROVED");
        fixtures.venue(site, organisation, "Šilainiai branch", "Kaunas");
        long editor = fixtures.account("Rūta Editor");
        fixtures.member(editor, organisation, "EDITOR");
        email = fixtures.email(editor);
    }

    @Test
    void onADesktop() {
        createAndPublish("Computer basics for seniors");
    }

    @Test
    void onAPhone() {
        phone();
        createAndPublish("Smartphone course");
    }

    private void createAndPublish(String title) {
        signIn(email, EditingFixtures.PASSWORD);

        open("/staff/organisations/" + organisation + "/activities");
        assertThat(page.locator("h1")).containsText("Šilainiai library");
        checkPage();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("New activity")).click();
        assertThat(page.locator("h1")).hasText("New activity");
        checkPage();
        page.locator("#kind").selectOption("COURSE");
        page.locator("#title-lt").fill(title + " (LT)");
        page.locator("#summary-lt").fill("Dešimt susitikimų bibliotekoje.");
        page.locator("details.language-texts summary").nth(1).click();
        page.locator("#title-en").fill(title);
        page.getByLabel("Digital skills").check();
        page.getByLabel("Seniors (60+)").check();
        page.getByLabel("Lithuanian").check();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();

        assertThat(page.locator(".notice.success")).containsText("The draft is saved");
        assertThat(page.locator(".publish-panel")).containsText("Add at least one upcoming session");
        checkPage();

        Locator days = page.locator("#days input[type=checkbox]");
        for (int i = 0; i < days.count(); i++) {
            String day = days.nth(i).getAttribute("value");
            days.nth(i).setChecked(day.equals("TUESDAY") || day.equals("THURSDAY"));
        }
        page.locator("#count").fill("8");
        page.locator("#startTime").fill("18:00");
        page.locator("#durationMinutes").fill("90");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview dates")).click();
        assertThat(page.locator("#series-preview h3")).hasText("8 sessions");
        assertThat(page.locator("#series-preview li")).hasCount(8);
        assertThat(page.locator("#series-preview li").first()).containsText(Pattern.compile("Tuesday|Thursday"));
        checkPage();
        screenshot("staff-series-preview-" + (page.viewportSize().width < 400 ? "phone" : "desktop"));

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create sessions")).click();
        assertThat(page.locator(".notice.success")).hasText("8 sessions are added.");
        assertThat(page.locator("ol.sessions li")).hasCount(8);
        assertThat(page.locator("ol.sessions li").first()).containsText("18:00–19:30");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        assertThat(page.locator(".notice.success")).hasText("The activity is published. Everyone can find it now.");
        assertThat(page.locator("p.tags .tag").first()).hasText("Published");
        checkPage();
        screenshot("staff-published-" + (page.viewportSize().width < 400 ? "phone" : "desktop"));

        List<String> rules = jdbc.sql("""
                        SELECT s.series_rule FROM session s JOIN activity a ON a.id = s.activity_id
                        WHERE a.organisation_id = ? AND a.status = 'PUBLISHED' AND a.published_at IS NOT NULL
                        """).param(organisation).query(String.class).list();
        assertThat(rules).hasSize(8).containsOnly("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8");
    }

    private void checkPage() {
        assertAccessible();
        assertFitsNarrowScreen();
        // A phone browser widens its layout viewport to fit content that overflows, so compare with the screen too.
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width on %s", page.url()).isLessThanOrEqualTo(page.viewportSize().width);
    }

    private void signIn(String username, String password) {
        SignIn.as(page, base(), username, password);
        open("/staff/organisations/" + organisation + "/activities");
        assertThat(page).not().hasURL(Pattern.compile(".*/sign-in.*"));
    }
}
