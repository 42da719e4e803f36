package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A learner with a place on a session puts their sessions into their phone's calendar through a
 * private link, later replaces the link, and subscribes to a library's public calendar too.
 */
class LearnerSubscribesToTheirCalendar extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    String email;
    String title;
    long organisation;

    @BeforeAll
    void learnerWithAPlace() {
        email = SignIn.newAccount(jdbc, passwords, "Rūta", "en");
        long account = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(Long.class).single();
        Map<String, Object> session = jdbc.sql("""
                        SELECT s.id, s.activity_id, s.organisation_id, s.site_id, a.title::text AS title
                        FROM session s JOIN activity a ON a.id = s.activity_id JOIN site t ON t.id = s.site_id
                        WHERE t.slug = 'lietuva' AND a.status = 'PUBLISHED' AND a.kind NOT IN ('COURSE', 'CAMP')
                          AND s.status = 'SCHEDULED' AND s.venue_id IS NOT NULL
                          AND s.starts_at > now() + interval '1 day' AND s.starts_at < now() + interval '60 days'
                        ORDER BY s.starts_at, s.id LIMIT 1""")
                .query().singleRow();
        long sessionId = ((Number) session.get("id")).longValue();
        long activity = ((Number) session.get("activity_id")).longValue();
        organisation = ((Number) session.get("organisation_id")).longValue();
        long site = ((Number) session.get("site_id")).longValue();
        title = Json.text((String) session.get("title")).in("en");
        long pool = jdbc.sql("""
                        INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, confirmed) VALUES (?, ?, ?, ?, 1)
                        ON CONFLICT (session_id) WHERE session_id IS NOT NULL DO UPDATE SET confirmed = place_pool.confirmed + 1
                        RETURNING id""")
                .params(site, organisation, activity, sessionId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source, confirmed_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', 'SELF', now())""")
                .params(pool, site, organisation, activity, sessionId, account).update();
    }

    private APIResponse fetch(String url) {
        return page.request().get(url);
    }

    @Test
    void learnerAddsTheirSessionsToTheirCalendarAndReplacesTheLink() {
        phone();
        SignIn.as(page, base(), email, SignIn.PASSWORD);
        open("/account?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show my sessions in my calendar app")).click();
        assertThat(page.locator("h1")).hasText("My sessions in my calendar");
        assertThat(page.getByText("Anyone who has the link can see which sessions you go to")).isVisible();
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my link")).click();
        assertThat(page.locator("[role=status]")).containsText("Your new private link is ready.");
        String link = page.getByLabel("Your private calendar link").inputValue();
        assertThat(link).matches(".*/calendar/personal/[A-Za-z0-9_-]{43}\\.ics");
        assertAccessible();
        assertFitsNarrowScreen();

        APIResponse feed = fetch(link);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.headers().get("content-type")).startsWith("text/calendar");
        assertThat(feed.text()).contains("BEGIN:VEVENT").contains("STATUS:CONFIRMED");
        assertThat(feed.text().replace("\r\n ", "")).contains("SUMMARY:" + title.replace(",", "\\,").replace(";", "\\;"));

        // The phone was lost: a new link, and the old one shows nothing any more.
        open("/account/calendar?lang=en");
        assertThat(page.getByText("You made your private link on")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a new link")).click();
        String newLink = page.getByLabel("Your private calendar link").inputValue();
        assertThat(newLink).isNotEqualTo(link);
        assertThat(fetch(link).status()).isEqualTo(404);
        assertThat(fetch(newLink).status()).isEqualTo(200);
    }

    @Test
    void learnerSubscribesToALibrarysCalendarInLithuanian() {
        phone();
        open("/organisations/" + organisation + "?lang=lt");
        var subscribe = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prenumeruoti kalendorių"));
        assertThat(subscribe).isVisible();
        assertAccessible();
        assertFitsNarrowScreen();
        String href = subscribe.getAttribute("href");
        assertThat(href).endsWith("/organisations/" + organisation + "/calendar.ics");
        APIResponse feed = fetch(base() + href + "?lang=lt");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.text()).contains("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains("TZID=Europe/Vilnius");
    }
}
