package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An educator awards a badge to a list of people from a spreadsheet and reads the report, one row of
 * which has a broken address; then lets the badge be earned with evidence. A learner sends what she
 * did from her phone, and the educator approves it, which gives her the badge.
 */
class EducatorAwardsFromASpreadsheetAndReviewsEvidence extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Recognition recognition;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aSpreadsheetThenEvidence() {
        long library = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                         WHERE a.email = 'educator@example.org' ORDER BY m.organisation_id LIMIT 1
                        """).query(Long.class).single();
        long site = jdbc.sql("SELECT site_id FROM organisation WHERE id = ?").param(library).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Online banking " + tag;
        Badge badge = recognition.createBadge(site, library, BadgeSource.CUSTOM, null, LocalizedText.of(name, name, name),
                LocalizedText.of("en", "Pays bills online safely"), LocalizedText.of("en", "Show a payment you made safely"), List.of(),
                List.of(), null);

        SignIn.as(page, base(), "educator@example.org", "LearningMap-demo-2026");
        open("/staff/badges/" + badge.id() + "/award/bulk?lang=en");
        assertThat(page.locator("h1")).hasText("Award “" + name + "” from a spreadsheet");
        assertAccessible();
        String csv = "email,name,narrative,evidence_url\n"
                + "ona." + tag + "@example.org,Ona Petraitienė,Paid her first bill online,\n"
                + "broken-address,Jonas,,\n"
                + "ruta." + tag + "@example.org,Rūta Vaitkienė,,https://example.org/ruta\n";
        page.getByLabel("CSV file").setInputFiles(new FilePayload("class.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Award everyone in the file")).click();
        assertThat(page.locator(".bulk-counts")).hasText("3 of 3 rows done: awarded 2, already held 0, problems 1.");
        assertThat(page.locator("table.report")).containsText("“broken-address” is not an e-mail address.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the report (CSV)"))).isVisible();
        screenshot("bulk-award-report");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Evidence").setExact(true)).click();
        page.getByLabel("Learners can earn this badge with evidence").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".notice.success")).hasText("Saved.");
        assertAccessible();

        // A learner sends her evidence from her phone.
        String learner = SignIn.newAccount(jdbc, passwords, "Aldona Mokinė", "en");
        phone();
        SignIn.as(page, base(), learner, SignIn.PASSWORD);
        open("/account/badges/evidence?lang=en");
        assertThat(page.locator("h1")).hasText("Badges earned with evidence");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator("h1")).hasText("Evidence for “" + name + "”");
        page.getByLabel("What I did").fill("I paid my electricity bill in the bank's app and checked the address bar first.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for review")).click();
        assertThat(page.locator(".notice.success")).hasText("Your evidence was sent for review.");
        assertThat(page.locator("#evidence-status")).hasText("Waiting for review");
        assertFitsNarrowScreen();
        assertAccessible();
        String submission = page.url().replaceAll(".*/evidence/(\\d+).*", "$1");

        // The educator approves it.
        useBrowser("en-GB", 1280, 900, false);
        SignIn.as(page, base(), "educator@example.org", "LearningMap-demo-2026");
        open("/staff/badges/" + badge.id() + "/award/evidence?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aldona Mokinė")).click();
        page.getByLabel("Comment").first().fill("Well done, and a good habit with the address bar.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and award the badge")).click();
        assertThat(page.locator(".notice.success")).hasText("Approved. The badge is awarded.");
        assertThat(page.locator("#evidence-status")).hasText("Approved: badge awarded");
        assertAccessible();

        long account = jdbc.sql("SELECT id FROM account WHERE email = ?").param(learner).query(Long.class).single();
        assertThat(jdbc.sql("SELECT path FROM award WHERE badge_id = ? AND account_id = ?").params(badge.id(), account)
                .query(String.class).list()).containsExactly("EVIDENCE");
        assertThat(jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ? AND path = 'BULK'").param(badge.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(submission).matches("\\d+");
    }
}
