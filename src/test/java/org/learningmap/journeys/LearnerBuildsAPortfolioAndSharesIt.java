package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A learner with two badges makes one public, turns on their public portfolio under a name of their
 * choice, opens the shared page (where only that badge shows) and finds the certificate to print; on
 * a phone the pages fit the screen.
 */
class LearnerBuildsAPortfolioAndSharesIt extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Recognition recognition;

    String email;
    String handle;
    UUID shownCredential;

    @BeforeAll
    void learnerWithTwoBadges() {
        email = SignIn.newAccount(jdbc, passwords, "Rūta Portfolio", "en");
        long account = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(Long.class).single();
        long site = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        long organisation = jdbc.sql("SELECT id FROM organisation WHERE site_id = ? AND status = 'APPROVED' ORDER BY id LIMIT 1")
                .param(site).query(Long.class).single();
        for (String name : List.of("Smartphone photography", "Private hobby badge")) {
            var badge = recognition.createBadge(site, organisation, BadgeSource.CUSTOM, null, LocalizedText.of("en", name),
                    LocalizedText.of("en", "For " + name), LocalizedText.of("en", "Took part"), List.of(), List.of(), null);
            var award = recognition.award(new AwardRequest(badge.id(), account, null, null, AwardPath.EDUCATOR, null, null, null, null)).award();
            if (name.startsWith("Smartphone")) {
                shownCredential = award.publicId();
            }
        }
        handle = "ruta-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void learnerMakesABadgePublicSharesTheirPortfolioAndFindsTheCertificate() {
        SignIn.as(page, base(), email, SignIn.PASSWORD);
        open("/account/badges?lang=en");
        assertThat(page.locator("h1")).hasText("My badges");
        assertThat(page.getByText("Private hobby badge")).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make Smartphone photography public")).click();
        assertThat(page.locator("[role=status]")).hasText("The badge is now public.");

        page.getByLabel("The name in its address").fill(handle);
        page.getByLabel("Show my public portfolio").check();
        page.locator("form.portfolio-settings button[type=submit]").click();
        assertThat(page.locator("[role=status]")).hasText("Your public portfolio settings are saved.");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Smartphone photography")).click();
        assertThat(page.locator("h1")).hasText("Smartphone photography");
        var pdf = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable certificate (PDF)"));
        assertThat(pdf).hasAttribute("href", "/credentials/" + shownCredential + "/certificate.pdf");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to my LinkedIn profile")))
                .hasAttribute("href", java.util.regex.Pattern.compile("^https://www\\.linkedin\\.com/profile/add\\?startTask=CERTIFICATION_NAME.*certUrl=.*"));
        assertAccessible();

        open("/portfolios/" + handle + "?lang=en");
        assertThat(page.locator("h1")).hasText("Badges of Rūta Portfolio");
        assertThat(page.getByText("Smartphone photography").first()).isVisible();
        assertThat(page.getByText("Private hobby badge")).hasCount(0);
        assertAccessible();
        screenshot("public-portfolio");

        phone();
        open("/portfolios/" + handle + "?lang=en");
        assertFitsNarrowScreen();
        assertAccessible();
        SignIn.as(page, base(), email, SignIn.PASSWORD);
        open("/account/badges?lang=en");
        assertFitsNarrowScreen();
        assertAccessible();
        screenshot("my-badges-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Smartphone photography")).click();
        assertFitsNarrowScreen();
        assertAccessible();
        assertThat(page.getByText("Printable certificate (PDF)")).isVisible();
    }
}
