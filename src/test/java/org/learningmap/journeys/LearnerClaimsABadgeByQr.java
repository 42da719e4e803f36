package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At the end of a workshop the educator shows a claim code on the room's screen; a learner scans it
 * with her phone, is asked to sign in, signs in, comes back to the badge and claims it with a button. Later
 * she finds the badge among her badges and downloads its printable certificate; the same code has
 * expired and says so.
 */
class LearnerClaimsABadgeByQr extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recognition recognition;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aLearnerScansTheCodeSignsInAndHasTheBadge() {
        long library = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                         WHERE a.email = 'educator@example.org' ORDER BY m.organisation_id LIMIT 1
                        """).query(Long.class).single();
        long site = jdbc.sql("SELECT site_id FROM organisation WHERE id = ?").param(library).query(Long.class).single();
        String name = "Smartphone photos " + UUID.randomUUID().toString().substring(0, 6);
        Badge badge = recognition.createBadge(site, library, BadgeSource.CUSTOM, null, LocalizedText.of(name, name, name),
                LocalizedText.of("en", "Took and shared photos"), LocalizedText.of("en", "Took part in the workshop"), List.of(), List.of(),
                null);
        String learner = SignIn.newAccount(jdbc, passwords, "Aldona Besimokanti", "en");

        // The educator opens a claim and shows its screen.
        SignIn.as(page, base(), "educator@example.org", "LearningMap-demo-2026");
        open("/staff/badges/" + badge.id() + "/award?lang=en");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open a claim code")).click();
        assertThat(page.locator("h1")).hasText("Claim the badge “" + name + "”");
        assertThat(page.locator(".claim-code")).hasText(Pattern.compile("[A-Z2-9]{7}"));
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code to claim the badge " + name))).isVisible();
        assertThat(page.locator(".claim-count")).hasText("Claimed so far: 0");
        screenshot("claim-screen");
        assertAccessible();
        String link = page.locator(".claim-url a").getAttribute("href");
        assertThat(link).startsWith(base() + "/badges/claim/");

        // The learner scans it with her phone, not signed in.
        phone();
        page.navigate(link + "?lang=en");
        assertThat(page.locator("h1")).hasText("Claim the badge “" + name + "”");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in and get the badge")).click();
        page.locator("input[name=username]").fill(learner);
        page.locator("input[name=password]").fill(SignIn.PASSWORD);
        page.locator("form:has(input[name=username]) [type=submit]").click();
        // Back on the claim page she sees the badge and claims it.
        assertThat(page.locator("h1")).hasText("Claim the badge “" + name + "”");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim this badge")).click();
        assertThat(page.locator(".notice.success")).hasText("You have the badge “" + name + "”.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the badge"))).isVisible();
        screenshot("learner-claimed-badge-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        long account = jdbc.sql("SELECT id FROM account WHERE email = ?").param(learner).query(Long.class).single();
        assertThat(jdbc.sql("SELECT path FROM award WHERE badge_id = ? AND account_id = ?").params(badge.id(), account)
                .query(String.class).list()).containsExactly("CLAIM");

        // She finds it among her badges and downloads the printable certificate.
        open("/account/badges?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator("h1")).containsText(name);
        assertFitsNarrowScreen();
        assertAccessible();
        String certificate = page.locator("a.certificate-link").getAttribute("href");
        var pdf = page.request().get(certificate.startsWith("http") ? certificate : base() + certificate);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(name, "Aldona Besimokanti");
        } catch (java.io.IOException e) {
            throw new AssertionError("the certificate is not a readable PDF", e);
        }

        // Opening the link again changes nothing; once the code has expired it says so.
        page.navigate(link + "?lang=en");
        assertThat(page.locator(".notice.success")).hasText("You already have the badge “" + name + "”.");
        jdbc.sql("UPDATE badge_claim SET expires_at = now() - interval '1 minute' WHERE badge_id = ?").param(badge.id()).update();
        page.navigate(link + "?lang=uk");
        assertThat(page.locator(".notice.error")).containsText("Термін дії цього коду отримання минув.");
        assertFitsNarrowScreen();
        assertAccessible();
        assertThat(jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ?").param(badge.id()).query(Integer.class).single()).isEqualTo(1);
    }
}
