package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Someone in a university's admissions office checks the badges an applicant sent: opens the link
 * of one badge's verification page and sees at a glance that it is valid, who issued it to whom and
 * for which competences; then uploads the badge picture the applicant attached to "Verify a badge"
 * (valid), and a second one that its issuer has since revoked (revoked, with the issuer's reason).
 * Also on a phone.
 */
class VerifierChecksABadgeAndARevokedOne extends BrowserJourney {

    @Autowired
    Recognition recognition;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aValidBadgeAndARevokedOneAreToldApart() {
        EditingFixtures fixtures = new EditingFixtures(jdbc, passwords);
        long site = fixtures.site("lietuva");
        String libraryName = "Kauno biblioteka " + UUID.randomUUID().toString().substring(0, 5);
        long library = fixtures.organisation(site, libraryName, "APPROVED");
        long editor = fixtures.account("Journey editor");
        fixtures.member(editor, library, "EDITOR");
        Badge badge = recognition.createBadge(site, library, BadgeSource.CUSTOM, null,
                LocalizedText.of("Safe online banking", "Saugi elektroninė bankininkystė", "Безпечний онлайн-банкінг"),
                LocalizedText.of("en", "Pays bills and transfers money online safely."),
                LocalizedText.of("en", "Attended four of five sessions and made a safe payment."), List.of("banking"),
                List.of(new Alignment("digcomp-2.2", "4.2", "Protecting personal data and privacy", null)), null);
        Award valid = award(badge, "Aistė Kazlauskaitė", editor);
        Award revoked = award(badge, "Tomas Petrauskas", editor);
        // both pictures as the applicants saved them, before the second badge was revoked
        byte[] validPng = download("/credentials/" + valid.publicId() + ".png");
        byte[] revokedPng = download("/credentials/" + revoked.publicId() + ".png");
        recognition.revoke(revoked.id(), "Awarded by mistake: the course was not finished", editor);

        // the link the applicant sent
        open("/credentials/" + valid.publicId() + "?lang=en");
        assertThat(page.locator(".verdict")).containsText("Valid");
        assertThat(page.locator("h1")).hasText("Safe online banking");
        assertThat(page.locator(".verification-facts")).containsText("Aistė Kazlauskaitė");
        assertThat(page.locator(".verification-facts")).containsText(libraryName);
        assertThat(page.locator(".verification-facts")).containsText("Protecting personal data and privacy");
        assertThat(page.locator(".verification-checks .check-fail")).hasCount(0);
        assertThat(page.locator(".verification-checks .check-pass").first()).isVisible();
        assertAccessible();


        // the picture attached to the application
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify another badge")).click();
        assertThat(page.locator("h1")).hasText("Verify a badge");
        assertAccessible();
        page.getByLabel("Badge file").setInputFiles(new FilePayload("badge.png", "image/png", validPng));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page.locator(".verdict")).containsText("Valid");
        // the credential speaks the learner's language (Lithuanian here)
        assertThat(page.locator("main")).containsText("Saugi elektroninė bankininkystė");
        assertThat(page.locator("main")).containsText(libraryName);
        assertAccessible();

        // a second one, revoked since
        page.getByLabel("Badge file").setInputFiles(new FilePayload("other.png", "image/png", revokedPng));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page.locator(".verdict")).containsText("Revoked");
        assertThat(page.locator(".verdict")).containsText("Awarded by mistake: the course was not finished");
        assertThat(page.locator(".verification-checks .check-fail").first()).isVisible();
        assertAccessible();

        // the same on a phone
        phone();
        open("/credentials/" + revoked.publicId() + "?lang=en");
        assertThat(page.locator(".verdict")).containsText("Revoked");
        assertThat(page.locator(".verdict")).containsText("Awarded by mistake");
        assertAccessible();
        assertFitsNarrowScreen();
        open("/verify?lang=en");
        page.getByLabel("Badge file").setInputFiles(new FilePayload("badge.png", "image/png", validPng));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
        assertThat(page.locator(".verdict")).containsText("Valid");
        assertAccessible();
        assertFitsNarrowScreen();
    }

    private Award award(Badge badge, String name, long editor) {
        return recognition.award(new AwardRequest(badge.id(), null, UUID.randomUUID() + "@example.org", name, AwardPath.EDUCATOR,
                null, null, editor, "journey:" + UUID.randomUUID())).award();
    }

    private byte[] download(String path) {
        APIResponse response = page.request().get(base() + path);
        assertThat(response.status()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
