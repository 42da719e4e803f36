package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class EducatorFindsALessonPlan extends BrowserJourney {

    @Test
    void anEducatorFiltersTheLibraryOnAPhoneDownloadsALessonPlanAndFindsOnlineCourses() throws Exception {
        phone();
        open("/library");
        assertThat(page.locator("h1")).hasText("Methods library");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByLabel("Words").fill("e-government");
        page.getByLabel("Kind").selectOption("LESSON_PLAN");
        page.getByLabel("For whom").selectOption("SENIORS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search the library")).click();
        assertThat(page.locator(".library-list")).containsText("Lesson plan: first steps with e-government services");
        assertThat(page.locator(".library-list")).not().containsText("Guide for community digital leaders");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lesson plan: first steps with e-government services")).click();
        assertThat(page.locator("h1")).hasText("Lesson plan: first steps with e-government services");
        assertThat(page.locator("main")).containsText("Downloads: 0");
        assertFitsNarrowScreen();
        assertAccessible();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the newest version (1)")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("e-government-lesson-plan.pdf");
        org.assertj.core.api.Assertions.assertThat(new String(Files.readAllBytes(download.path()), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        page.reload();
        assertThat(page.locator("main")).containsText("Downloads: 1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Methods library")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See online self-study courses in the catalogue")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/search\\?kind=ONLINE_COURSE.*"));
        assertThat(page.locator("main")).containsText("Online self-study course");
    }
}
