package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.enrolment.CheckInPasses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An educator of Vilnius Public Library runs a session with a phone in her hand: taps two people
 * present, types the code of a third one's pass, adds a visitor at the door and finishes, which
 * records the one person who did not come.
 */
class EducatorChecksPeopleInOnAPhone extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckInPasses passes;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Test
    void anEducatorTapsTypesAPassAddsAWalkInAndFinishes() {
        long library = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                         WHERE a.email = 'educator@example.org' ORDER BY m.organisation_id LIMIT 1
                        """).query(Long.class).single();
        String title = "Tablet club " + UUID.randomUUID().toString().substring(0, 6);
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', ?::jsonb, '{SENIORS}', '{lt}', now() FROM organisation WHERE id = ?
                        RETURNING id
                        """)
                .params("{\"en\":\"" + title + "\",\"lt\":\"" + title + "\"}", library).query(Long.class).single();
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        long session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity)
                        SELECT site_id, organisation_id, id, 'https://meet.example.org/tablets', ?, ?, 5 FROM activity WHERE id = ?
                        RETURNING id
                        """)
                .params(Timestamp.from(start), Timestamp.from(start.plus(Duration.ofMinutes(90))), activity).query(Long.class).single();
        long pool = jdbc.sql("""
                        INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, capacity)
                        SELECT site_id, organisation_id, activity_id, id, 5 FROM session WHERE id = ? RETURNING id
                        """).param(session).query(Long.class).single();
        long ona = enrol(pool, "Ona Petraitienė", "CONFIRMED");
        long jonas = enrol(pool, "Jonas Kazlauskas", "CONFIRMED");
        long ruta = enrol(pool, "Rūta Vaitkienė", "CONFIRMED");
        long petras = enrol(pool, "Petras Stankevičius", "CONFIRMED");
        enrol(pool, "Milda Laukianti", "WAITLISTED");
        String rutasPass = passes.passFor(ruta).code();

        phone();
        SignIn.as(page, base(), "educator@example.org", "LearningMap-demo-2026");
        open("/staff?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sessions this week and their rosters")).click();
        assertThat(page.locator("h1")).hasText("Sessions this week");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(page.locator("h1")).containsText(title);
        assertThat(page.locator("#roster-counts")).containsText("0 present");
        assertThat(page.locator("#roster-counts")).containsText("4 with a place");
        assertThat(page.locator("#roster-counts")).containsText("5 places");
        assertThat(page.locator(".roster-waitlist")).containsText("Milda Laukianti");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ona Petraitienė")).click();
        assertThat(page.locator("#roster-counts")).containsText("1 present");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Jonas Kazlauskas")).click();
        assertThat(page.locator("#roster-counts")).containsText("2 present");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Jonas Kazlauskas")))
                .containsText("Present · tap to undo");

        page.getByLabel("Pass code").fill(rutasPass.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in").setExact(true)).click();
        assertThat(page.locator(".notice.success")).hasText("Rūta Vaitkienė is marked present.");
        assertThat(page.locator("#roster-counts")).containsText("3 present");

        page.locator("#walk-in-name").fill("Vytautas Atėjęs");
        page.locator("#walk-in-contact").fill("+370 612 34567");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and mark present")).click();
        assertThat(page.locator(".notice.success")).hasText("Vytautas Atėjęs is marked present and took a free place.");
        assertThat(page.locator("#roster-counts")).containsText("4 present");
        assertThat(page.locator("#roster-counts")).containsText("5 with a place");
        screenshot("educator-roster-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish and record no-shows")).click();
        assertThat(page.locator(".notice.success")).hasText("The roster is finished. Did not come: 1.");
        assertThat(page.locator("#roster-counts")).containsText("1 did not come");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Petras Stankevičius")))
                .containsText("Did not come");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show the check-in QR code")).click();
        assertThat(page.locator("h1")).hasText("Check in with your phone");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code to check in to " + title))).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();

        // The longer Lithuanian words still fit the phone.
        open("/staff/sessions/" + session + "/roster?lang=lt");
        assertThat(page.locator("h1")).containsText("Dalyvių sąrašas");
        assertFitsNarrowScreen();
        assertAccessible();

        assertThat(status(session, ona)).isEqualTo("PRESENT");
        assertThat(status(session, jonas)).isEqualTo("PRESENT");
        assertThat(status(session, ruta)).isEqualTo("PRESENT");
        assertThat(status(session, petras)).isEqualTo("NO_SHOW");
        assertThat(jdbc.sql("SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'PRESENT'").param(session)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aLearnerShowsTheirPassOnAPhone() {
        String learner = SignIn.newAccount(jdbc, passwords, "Aldona Besimokanti", "lt");
        phone();
        SignIn.as(page, base(), learner, SignIn.PASSWORD);
        open("/account?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show my check-in pass")).click();
        assertThat(page.locator("h1")).hasText("My check-in pass");
        assertThat(page.locator(".pass-code")).hasText(java.util.regex.Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}"));
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code of my check-in pass"))).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
    }

    private long enrol(long pool, String name, String status) {
        long account = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, 'lt') RETURNING id")
                .params("learner." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", name).query(Long.class).single();
        if ("CONFIRMED".equals(status)) {
            jdbc.sql("UPDATE place_pool SET confirmed = confirmed + 1 WHERE id = ?").param(pool).update();
        }
        jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source)
                        SELECT id, site_id, organisation_id, activity_id, session_id, ?, ?, 'SELF' FROM place_pool WHERE id = ?
                        """)
                .params(account, status, pool).update();
        return account;
    }

    private String status(long session, long account) {
        return jdbc.sql("SELECT status FROM attendance WHERE session_id = ? AND account_id = ?").params(session, account)
                .query(String.class).optional().orElse(null);
    }
}
