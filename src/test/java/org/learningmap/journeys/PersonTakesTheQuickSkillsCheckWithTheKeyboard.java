package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.Json;
import org.springframework.core.io.ClassPathResource;

/**
 * A person on a phone takes the quick check using only the keyboard: Tab to move, arrow keys and
 * Space to choose, Enter to go on. They know most things but not online safety, see their level per
 * area, and are shown a safety class near Vilnius.
 */
class PersonTakesTheQuickSkillsCheckWithTheKeyboard extends BrowserJourney {

    /** The item bank's keys, read as any reader of the open file could. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> items() throws IOException {
        try (InputStream in = new ClassPathResource("assessment/items.json").getInputStream()) {
            Map<String, Object> bank = Json.mapper().readValue(in, Map.class);
            Map<String, Map<String, Object>> byId = new HashMap<>();
            for (Map<String, Object> item : (List<Map<String, Object>>) bank.get("items")) {
                byId.put((String) item.get("id"), item);
            }
            return byId;
        }
    }

    /** Presses Tab until the element matching the selector has the focus. */
    void tabTo(String selector) {
        tabTo(page.locator(selector).first());
    }

    void tabTo(Locator target) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(target.evaluate("el => el === document.activeElement"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + page.url());
    }

    /** Moves through a radio group with the arrow keys until the wanted value is chosen. */
    void chooseRadio(String value) {
        tabTo("input[type=radio][name=answer]");
        for (int i = 0; i < 12; i++) {
            Object current = page.evaluate("() => document.activeElement.value");
            if (value.equals(current)) {
                page.keyboard().press("Space");
                return;
            }
            page.keyboard().press("ArrowDown");
        }
        throw new AssertionError("no radio with value " + value);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonTakesTheQuickCheckWithTheKeyboardAndFindsAClassNearby() throws IOException {
        Map<String, Map<String, Object>> items = items();
        phone();
        open("/skills-check?lang=en");
        assertThat(page.locator("h1")).hasText("Test your digital skills");
        assertFitsNarrowScreen();
        assertAccessible();

        tabTo(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Start the check")));
        page.keyboard().press("Enter");

        boolean sawPictures = false;
        boolean sawSteps = false;
        for (int number = 1; number <= 25; number++) {
            assertThat(page.locator(".progress-text")).hasText("Question " + number + " of 25");
            String id = page.locator("input[name=item]").getAttribute("value");
            Map<String, Object> item = items.get(id);
            String kind = (String) item.get("kind");
            List<String> key = (List<String>) item.get("answer");
            boolean safety = ((String) item.get("competence")).startsWith("4.");
            if (number == 1 || ("SAFE_SCREEN".equals(kind) && !sawPictures) || ("ORDER".equals(kind) && !sawSteps)) {
                assertFitsNarrowScreen();
                assertAccessible();
            }
            switch (kind) {
                case "SELF" -> chooseRadio("2");
                case "ORDER" -> {
                    sawSteps = true;
                    List<String> order = safety ? key.reversed() : key;
                    List<String> shown = new ArrayList<>(order);
                    shown.sort(String::compareTo);
                    for (String step : shown) {
                        tabTo("#position-" + step);
                        page.keyboard().type(String.valueOf(order.indexOf(step) + 1));
                    }
                }
                case "TRUE_FALSE" -> chooseRadio(safety ? ("true".equals(key.get(0)) ? "false" : "true") : key.get(0));
                default -> {
                    sawPictures |= "SAFE_SCREEN".equals(kind);
                    List<Map<String, Object>> options = (List<Map<String, Object>>) item.get("options");
                    String wrong = options.stream().map(o -> (String) o.get("id")).filter(o -> !key.contains(o)).findFirst().orElseThrow();
                    chooseRadio(safety ? wrong : key.get(0));
                }
            }
            tabTo("button[type=submit].big");
            page.keyboard().press("Enter");
            page.waitForLoadState();
        }
        assertThat(sawPictures).as("a question with pictures of screens was asked").isTrue();

        assertThat(page.locator("h1")).hasText("Your digital skills");
        assertThat(page.locator("svg[role=img] title")).hasText("Your level in each area, from 1 to 6");
        Locator safetyRow = page.locator("table").first().locator("tr", new Locator.LocatorOptions().setHasText("4. Safety"));
        assertThat(safetyRow).containsText("Foundation");
        assertThat(page.locator("main")).containsText("You could learn most in: 4.");
        assertFitsNarrowScreen();
        assertAccessible();

        tabTo("#town");
        page.keyboard().type("Vilnius");
        tabTo("#taught");
        page.keyboard().type("L");
        tabTo(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Show classes near me")));
        page.keyboard().press("Enter");
        page.waitForLoadState();

        assertThat(page.locator("main")).containsText("Classes near Vilnius, and online courses:");
        Locator nearby = page.locator(".recommendations .card", new com.microsoft.playwright.Page.LocatorOptions().setHasText("km away")).first();
        assertThat(nearby).containsText(java.util.regex.Pattern.compile("\\((\\d|[12]\\d)\\.\\d km away\\)"));
        assertThat(nearby).containsText(java.util.regex.Pattern.compile("Develops DigComp [^\\n]*4\\.\\d"));
        screenshot("skills-check-result-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        String title = nearby.locator("a").textContent().strip();
        tabTo(nearby.locator("a"));
        page.keyboard().press("Enter");
        page.waitForURL("**/activities/**");
        assertThat(page.locator("h1")).hasText(title);

        // Back on the result, the person reads the 25 questions as they were asked, with their answers.
        page.goBack();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("See the questions and your answers")).click();
        assertThat(page.locator("h1")).hasText("The questions and your answers");
        assertThat(page.locator(".asked")).hasCount(25);
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
