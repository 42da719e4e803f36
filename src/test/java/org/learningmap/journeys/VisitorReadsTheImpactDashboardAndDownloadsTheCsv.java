package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class VisitorReadsTheImpactDashboardAndDownloadsTheCsv extends BrowserJourney {

    @Test
    void visitorReadsThePublicFiguresNarrowsThemToAnAreaAndDownloadsTheCsv() throws Exception {
        open("/");
        page.locator("footer a[href='/impact']").click();
        assertThat(page.locator("h1")).hasText(java.util.regex.Pattern.compile("Poveikis|Impact"));
        page.locator("nav.languages a[lang=en]").click();
        assertThat(page.locator("h1")).hasText("Impact");

        // The demo's past year of sessions shows: attendances and people counted, and a chart beside its table.
        String attendances = page.locator("dd.attendances").textContent().trim();
        assertThat(attendances).matches("[0-9\u00a0]+");
        assertThat(Long.parseLong(attendances.replace("\u00a0", ""))).isGreaterThan(1_000);
        assertThat(page.locator("dd.unique-learners")).not().hasText("0");
        assertThat(page.locator("figure.impact-chart svg[role=img]")).hasCount(2);
        Locator monthRows = page.locator("table.impact-months tbody tr");
        assertThat(monthRows).hasCount(12);
        // The chart's bars carry the same figures as the table beside it.
        String lastMonthInTable = monthRows.last().locator("td").nth(1).textContent();
        assertThat(page.locator("figure.impact-chart").first().locator("text.bar-value").last()).hasText(lastMonthInTable);
        assertAccessible();

        // Narrow to an area with the form, without any script.
        String areaName = page.locator("table.impact-areas tbody tr th a").first().textContent().trim();
        page.locator("select[name=area]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(areaName));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show the figures")).click();
        assertThat(page.locator("h1")).hasText("Impact in " + areaName);
        assertThat(page.locator("table.impact-areas tbody tr")).hasCount(1);
        assertAccessible();

        Download download = page.waitForDownload(() -> page.locator("a.download-csv").click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("table,row,figure,value,suppressed");
        assertThat(csv).contains("totals,all,attendances,").contains("areas," + areaName + ",unique_learners,");
        assertThat(download.suggestedFilename()).endsWith(".csv");

        phone();
        open("/impact");
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
