package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On the Ukrainian site, which moderates, an editor's course waits for review; the site's
 * coordinator reads it on a phone, first forgets the reason when sending one back, then approves
 * the other.
 */
class CoordinatorApprovesAnActivityWaitingForReview extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void onAPhone() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("ukraina");
        long organisation = fixtures.organisation(site, "Бібліотека Франка", "APPROVED");
        long venue = fixtures.venue(site, organisation, "Читальна зала", "Львів");
        long editor = fixtures.account("Олена Редакторка");
        fixtures.member(editor, organisation, "EDITOR");
        long keep = waiting(site, organisation, venue, "Цифрова грамотність для всіх");
        long back = waiting(site, organisation, venue, "Курс без адреси");

        phone();
        SignIn.as(page, base(), "coordinator.ua@example.org", "LearningMap-demo-2026");
        open("/ukraina/coordinator/activities?lang=en");
        assertThat(page.locator("h1")).hasText("Activities waiting for review");
        // Other journeys may have left activities waiting on the same site; these two must be among them.
        assertThat(page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("Цифрова грамотність для всіх|Курс без адреси")))).hasCount(2);
        assertAccessible();
        assertFitsNarrowScreen();

        var backCard = page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Курс без адреси"));
        backCard.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Send back")).click();
        // The browser itself asks for the required reason; without it nothing is sent.
        // Other journeys may have left activities waiting on the same site; these two must be among them.
        assertThat(page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("Цифрова грамотність для всіх|Курс без адреси")))).hasCount(2);
        backCard = page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Курс без адреси"));
        backCard.getByLabel("Why it goes back to its organisation").fill("Додайте адресу й телефон для запису.");
        backCard.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Send back")).click();
        assertThat(page.locator(".notice.success")).hasText("The activity went back to its organisation with your note.");

        page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Цифрова грамотність для всіх"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Approve and publish")).click();
        assertThat(page.locator(".notice.success")).hasText("The activity is published.");
        assertThat(page.locator(".review-list > li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("Цифрова грамотність для всіх|Курс без адреси")))).hasCount(0);
        assertAccessible();

        assertThat(jdbc.sql("SELECT status FROM activity WHERE id = ?").param(keep).query(String.class).single()).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("SELECT review_note FROM activity WHERE id = ?").param(back).query(String.class).single())
                .isEqualTo("Додайте адресу й телефон для запису.");
    }

    private long waiting(long site, long organisation, long venue, String title) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary)
                        VALUES (?, ?, 'COURSE', 'PENDING_REVIEW', jsonb_build_object('uk', ?::text), '{"uk": "Десять зустрічей"}')
                        RETURNING id
                        """)
                .params(site, organisation, title).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, now() + interval '8 days', now() + interval '8 days 2 hours')
                        """).params(site, organisation, id, venue).update();
        return id;
    }
}
