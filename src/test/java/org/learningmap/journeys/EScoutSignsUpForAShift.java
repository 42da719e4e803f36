package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.network.Volunteers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A 16-year-old whose mother agreed offers, on their phone, to be an e-scout at the library; once the
 * library approves, they take an open shift, are told they cannot be on two shifts at once, and give
 * the shift up again.
 */
class EScoutSignsUpForAShift extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Volunteers volunteers;

    @Test
    void aTeenagerWithTheirGuardiansConsentOffersToHelpAndTakesAShift() {
        long lietuva = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        long owner = jdbc.sql("SELECT id FROM account WHERE email = 'owner@example.org'").query(Long.class).single();
        long library = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN organisation o ON o.id = m.organisation_id
                        WHERE m.account_id = ? AND o.site_id = ? ORDER BY m.organisation_id LIMIT 1""")
                .params(owner, lietuva).query(Long.class).single();
        String libraryName = jdbc.sql("SELECT name->>'en' FROM organisation WHERE id = ?").param(library).query(String.class).single();
        long venue = jdbc.sql("SELECT id FROM venue WHERE organisation_id = ? ORDER BY id LIMIT 1").param(library).query(Long.class).single();

        String email = SignIn.newAccount(jdbc, passwords, "Gabija E-scout", "en");
        long teen = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(Long.class).single();
        jdbc.sql("UPDATE account SET year_of_birth = ?, site_id = ? WHERE id = ?").params(Year.now().getValue() - 16, lietuva, teen).update();
        jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, recorded_by, given_at)
                        VALUES (?, ?, 'PERSONAL_DATA', 'PAPER', 'Rasa Gabijos mama', '+37060012345', ?, now())""")
                .params(teen, lietuva, owner).update();
        String note = "Tablet class " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Vilnius")).plusDays(9);
        volunteers.publishShift(owner, library, venue, day, LocalTime.of(10, 0), LocalTime.of(12, 0), 2, true, note);
        volunteers.publishShift(owner, library, venue, day, LocalTime.of(11, 0), LocalTime.of(13, 0), 2, true, "Overlapping " + note);

        phone();
        SignIn.as(page, base(), email, SignIn.PASSWORD);

        // the offer
        open("/account/volunteering?lang=en");
        assertThat(page.locator("h1")).hasText("My volunteering");
        assertThat(page.locator("main")).containsText("You are under 18");
        check();
        page.getByLabel("Where would you like to help?").selectOption(new SelectOption().setLabel(libraryName));
        page.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(page.locator("h1")).containsText(libraryName);
        check();
        page.getByLabel("E-scout").check();
        page.getByLabel("English").check();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Home branches")).getByRole(AriaRole.CHECKBOX).first().check();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Saturday")).getByLabel("Morning").check();
        page.getByRole(AriaRole.BUTTON, named("Send my offer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Staff of the organisation will read your offer");
        assertThat(page.locator("main")).containsText("Waiting for approval");
        check();

        // the library approves
        long offer = volunteers.volunteeringOf(teen, lietuva).getFirst().id();
        volunteers.decide(owner, library, offer, true);

        // the shift
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shifts").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Shifts");
        check();
        Locator shift = page.locator(".network-shift").filter(new Locator.FilterOptions().setHasText(note)).first();
        shift.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are on the shift. Thank you!");
        Locator mine = page.locator(".network-my-shift");
        assertThat(mine).hasCount(1);
        assertThat(mine).containsText("Signed up");
        check();

        // the same morning twice is refused, in words
        page.locator(".network-shift").filter(new Locator.FilterOptions().setHasText("Overlapping " + note)).getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("You are already on another shift at that time.");
        assertThat(page.locator(".network-my-shift")).hasCount(1);
        check();

        // and given up
        page.getByRole(AriaRole.BUTTON, named("Give up this shift")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are no longer on that shift.");
        assertThat(page.locator(".network-my-shift")).containsText("Cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer_shift_signup WHERE account_id = ? AND status = 'ACTIVE'").param(teen)
                .query(Integer.class).single()).isZero();
    }

    private void check() {
        assertAccessible();
        assertFitsNarrowScreen();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }
}
