package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.Accounts;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On a phone, a social worker signs up a man she helps for a class, sees it among his sign-ups and
 * cancels it; he finds both in what was done for him.
 */
class TrustedPersonBooksForSomeoneTheyHelp extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;

    @Test
    void aSocialWorkerSignsUpAndCancelsForTheManSheHelps() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        long organisation = fixtures.organisation(site, "Hillside library", "APPROVED");
        long venue = fixtures.venue(site, organisation, "Hillside library", "Vilnius");
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en": "Paying bills online", "lt": "Sąskaitų apmokėjimas internetu"}',
                                '{"en": "Safely, step by step"}', now()) RETURNING id
                        """).params(site, organisation).query(Long.class).single();
        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, ?, now() + interval '5 days', now() + interval '5 days 90 minutes', 4) RETURNING id
                        """).params(site, organisation, activity, venue).query(Long.class).single();
        String learner = SignIn.newAccount(jdbc, passwords, "Petras Petraitis", "en");
        String worker = SignIn.newAccount(jdbc, passwords, "Rasa the social worker", "en");
        long learnerId = accounts.byEmail(learner).orElseThrow().id();
        long workerId = accounts.byEmail(worker).orElseThrow().id();
        jdbc.sql("""
                        INSERT INTO delegation (person_id, trusted_id, site_id, granted_at, valid_until)
                        VALUES (?, ?, ?, now(), now() + interval '60 days')
                        """).params(learnerId, workerId, site).update();

        phone();
        SignIn.as(page, base() + "/lietuva", worker, SignIn.PASSWORD);
        open("/lietuva/activities/" + activity + "?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign up"))).click();
        assertThat(page.locator("h1")).hasText("Sign up");
        assertThat(page.locator("fieldset.sign-up-for")).containsText("Who is this sign-up for?");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("For Petras Petraitis").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign me up")).click();
        assertThat(page.locator("h1")).hasText("Sign-ups of Petras Petraitis");
        assertThat(page.locator("[role=status]")).containsText("Petras Petraitis is signed up.");
        assertThat(page.locator(".enrolment-list")).containsText("Paying bills online");
        assertAccessible();
        assertFitsNarrowScreen();
        assertThat(jdbc.sql("SELECT source FROM enrolment WHERE session_id = ? AND account_id = ?").params(session, learnerId)
                .query(String.class).single()).isEqualTo("DELEGATE");

        // later, from the list of people she helps
        open("/lietuva/account/people-i-help?lang=en");
        assertThat(page.locator("main")).containsText("Petras Petraitis");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Their sign-ups"))).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Cancel this sign-up"))).click();
        assertThat(page.locator("[role=status]")).hasText("The sign-up is cancelled.");
        assertThat(page.locator(".enrolment-list")).containsText("Cancelled");
        assertAccessible();
        assertFitsNarrowScreen();

        phone();
        SignIn.as(page, base() + "/lietuva", learner, SignIn.PASSWORD);
        open("/lietuva/account/trusted-people?lang=en");
        assertThat(page.locator(".trusted-log")).containsText("signed me up for");
        assertThat(page.locator(".trusted-log")).containsText("cancelled my sign-up for");
        assertThat(page.locator(".trusted-log")).containsText("Paying bills online");
        assertAccessible();
    }
}
