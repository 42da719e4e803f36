package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The demo library's educator attaches a before/after self-rating to one of the library's classes;
 * learners answer on their phones with the code, one answer comes on paper and the educator types
 * it in; the summary shows how many rated themselves below 5 before and after.
 */
class EducatorRunsABeforeAndAfterRating extends BrowserJourney {

    static final String DEMO_PASSWORD = "LearningMap-demo-2026";

    @Test
    void anEducatorRunsABeforeAndAfterRatingForAClass() {
        phone();
        SignIn.as(page, base(), "educator@example.org", DEMO_PASSWORD);
        open("/skills-check?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("For educators: supervised sittings and before/after ratings")).click();
        assertThat(page.locator("h1")).hasText("Skills checks with your groups");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Attach a before/after rating to a class")).first().click();
        assertThat(page.locator("h1")).hasText("Attach a before/after rating to a class");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByLabel("Class or course").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        String classTitle = page.locator("#activity option:checked").textContent().strip();
        page.getByLabel("4.2 Protecting personal data and privacy").check();
        page.getByLabel("4.1 Protecting devices").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attach the rating")).click();

        assertThat(page.locator("h1")).hasText("Before and after: " + classTitle);
        String code = page.locator(".resume-code").textContent().strip();
        assertFitsNarrowScreen();
        assertAccessible();
        String summaryPage = page.url();

        // Two learners before the class, on their own phones, each with the code typed in.
        learnerRates(code, "Before the class", 2, 3);
        learnerRates(code, "Before the class", 6, 4);
        // After the class: one on the phone, one on paper typed in by the educator.
        learnerRates(code, "After the class", 7, 8);

        phone();
        SignIn.as(page, base(), "educator@example.org", DEMO_PASSWORD);
        page.navigate(summaryPage + (summaryPage.contains("?") ? "&" : "?") + "lang=en");
        page.getByLabel("After the class").check();
        page.getByLabel("4.1 Protecting devices").fill("6");
        page.getByLabel("4.2 Protecting personal data and privacy").fill("9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this paper answer")).click();

        assertThat(page.locator(".notice.success")).hasText("The paper answer was saved.");
        // Before: 2, 3, 6, 4 → three of four below 5; after: 7, 8, 6, 9 → none.
        assertThat(page.locator(".summary-figure")).hasText("Rating themselves below 5: 75% before, 0% after");
        assertThat(page.locator("table")).containsText("2 · 100% · 3.5");
        screenshot("before-after-summary-phone");
        assertFitsNarrowScreen();
        assertAccessible();
    }

    private void learnerRates(String code, String when, int devices, int data) {
        phone();
        open("/skills-check?lang=en");
        page.getByLabel("Code from your educator").fill(code.toLowerCase());
        page.getByLabel(when).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rate yourself")).click();
        assertThat(page.locator("h1")).hasText(when + ": rate yourself");
        assertFitsNarrowScreen();
        assertAccessible();
        page.locator("input[name='score.4.1'][value='" + devices + "']").check();
        page.locator("input[name='score.4.2'][value='" + data + "']").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        assertThat(page.locator("h1")).hasText("Thank you");
        assertAccessible();
    }
}
