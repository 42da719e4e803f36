package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On a phone, a learner finds a class with places left, signs up (signing in on the way and coming
 * back), sees the place in "My sign-ups" and gives it up again, after confirming.
 */
class LearnerSignsUpAndCancels extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void learnerSignsUpOnAPhoneAndCancels() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        long organisation = fixtures.organisation(site, "Riverside library", "APPROVED");
        long venue = fixtures.venue(site, organisation, "Riverside library", "Vilnius");
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en": "Video calls with family", "lt": "Vaizdo skambučiai artimiesiems"}',
                                '{"en": "See your grandchildren on your phone"}', now()) RETURNING id
                        """).params(site, organisation).query(Long.class).single();
        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, ?, now() + interval '6 days', now() + interval '6 days 90 minutes', 3) RETURNING id
                        """).params(site, organisation, activity, venue).query(Long.class).single();
        String email = SignIn.newAccount(jdbc, passwords, "Grandma Rūta", "en");

        phone();
        open("/lietuva/activities/" + activity + "?lang=en");
        assertThat(page.locator(".places-left")).hasText("3 places left");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign up"))).click();
        // not signed in yet: the sign-in page comes first, then the way back
        assertThat(page).hasURL(Pattern.compile("/sign-in"));
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(SignIn.PASSWORD);
        page.locator("form:has(input[name=username]) [type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/account/enrolments/new\\?session=" + session));
        assertThat(page.locator("h1")).hasText("Sign up");
        assertThat(page.locator("main")).containsText("Video calls with family");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign me up")).click();
        assertThat(page.locator("[role=status]")).containsText("You have a place.");
        assertAccessible();
        assertFitsNarrowScreen();
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE session_id = ? AND status = 'CONFIRMED'").param(session)
                .query(Integer.class).single()).isEqualTo(1);

        open("/lietuva/activities/" + activity + "?lang=en");
        assertThat(page.locator(".sign-up-mine")).containsText("You have a place.");

        open("/lietuva/account/enrolments?lang=en");
        assertThat(page.locator("h1")).hasText("My sign-ups");
        assertThat(page.locator(".enrolment-list")).containsText("Video calls with family");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Cancel my sign-up"))).click();
        assertThat(page.locator("h1")).hasText("Cancel your sign-up?");
        assertAccessible();
        assertFitsNarrowScreen();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel")).click();

        assertThat(page.locator("[role=status]")).hasText("Your sign-up is cancelled.");
        assertThat(page.locator(".enrolment-list")).containsText("Cancelled");
        assertAccessible();
        assertFitsNarrowScreen();
        assertThat(jdbc.sql("SELECT status FROM enrolment WHERE session_id = ?").param(session).query(String.class).single())
                .isEqualTo("CANCELLED");

        open("/lietuva/activities/" + activity + "?lang=en");
        assertThat(page.locator(".places-left")).hasText("3 places left");
    }
}
