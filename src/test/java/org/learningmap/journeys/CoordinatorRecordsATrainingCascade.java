package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class CoordinatorRecordsATrainingCascade extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCoordinatorAddsEducatorsTrainedByAHubCoordinatorOnAPhoneAndDownloadsTheTree() throws Exception {
        String coordinator = SignIn.newAccount(jdbc, passwords, "Vaida Koordinatorė", "en");
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) SELECT a.id, s.id, 'COORDINATOR' FROM account a, site s "
                + "WHERE a.email = ? AND s.slug = 'lietuva'").param(coordinator).update();
        long library = jdbc.sql("""
                SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                WHERE a.email = 'owner@example.org' LIMIT 1
                """).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String newEducator = "Ieva Naujokė " + tag;

        phone();
        SignIn.as(page, base(), coordinator, SignIn.PASSWORD);
        open("/coordinator/organisations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Train-the-trainer cascades")).click();
        assertThat(page.locator("h1")).containsText("train-the-trainer cascades");
        assertThat(page.locator(".cascade-tree")).containsText("Rūta Mokytojienė");
        assertThat(page.locator(".cascade-tree")).containsText("Vilnius trainers school, spring 2026");
        // Paulius was trained by two hub coordinators: listed under both, his own cohorts spelled out once.
        assertThat(page.locator(".cascade-tree")).containsText("(their own cohorts are listed above)");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Record a cohort for").selectOption(Long.toString(library));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record a cohort")).click();
        assertThat(page.locator("h1")).hasText("Record a cohort");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Name of the cohort").fill("Hub coordinators to educators: Utena " + tag);
        page.getByLabel("Who was trained").selectOption("EDUCATOR");
        page.getByLabel("Topic").fill("Video calls with family");
        page.getByLabel("First day").fill("2026-09-14");
        page.getByLabel("Last day").fill("2026-09-15");
        page.getByLabel("Trainers").fill("Aistė Jonaitienė");
        page.getByLabel("Participants").fill(newEducator + "\nTadas Naujokas " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the cohort")).click();

        assertThat(page.locator(".notice.success")).hasText("The cohort was recorded.");
        assertThat(page.locator(".cascade-tree")).containsText(newEducator);
        assertFitsNarrowScreen();
        assertAccessible();

        // The new educator cannot train the trainer at the top: the loop is refused, in words.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a cohort")).click();
        page.getByLabel("Name of the cohort").fill("Back to the top " + tag);
        page.getByLabel("Who was trained").selectOption("TRAINER");
        page.getByLabel("First day").fill("2026-10-01");
        page.getByLabel("Trainers").fill(newEducator);
        page.getByLabel("Participants").fill("Rūta Mokytojienė");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the cohort")).click();
        assertThat(page.locator("[role=alert]")).containsText("Rūta Mokytojienė cannot be trained by someone they trained themselves");
        assertThat(page.getByLabel("Trainers")).hasValue(newEducator);
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Back to the cascade")).click();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the tree (CSV)")).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("\uFEFFdepth,person,trained_by,cohort");
        org.assertj.core.api.Assertions.assertThat(csv).contains("\"" + newEducator + "\",\"Aistė Jonaitienė\"");
        org.assertj.core.api.Assertions.assertThat(csv).doesNotContain("Back to the top");
    }
}
