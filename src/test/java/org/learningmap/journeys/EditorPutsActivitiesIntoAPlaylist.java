package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An editor of the library puts two activities into a playlist, one to be done after the other,
 * publishes it, and a learner finds it with their progress; every page passes axe and fits a phone.
 */
class EditorPutsActivitiesIntoAPlaylist extends BrowserJourney {

    static final String DEMO_PASSWORD = "LearningMap-demo-2026";

    @Test
    void editorBuildsAndPublishesAPlaylistAndALearnerSeesTheirProgress() {
        String name = "Phone confidence " + UUID.randomUUID().toString().substring(0, 4);
        SignIn.as(page, base(), "editor@example.org", DEMO_PASSWORD);
        open("/staff/playlists?lang=en");
        assertThat(page.locator("h1")).hasText("Playlists");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New playlist")).click();
        assertAccessible();
        page.locator("button[type=submit]:has-text('Create the playlist')").click();
        assertThat(page.locator(".notice.error")).containsText("Please check");
        assertAccessible();

        page.locator("#name-en").fill(name);
        page.getByLabel("How many activities complete it").fill("2");
        page.locator("button[type=submit]:has-text('Create the playlist')").click();
        assertThat(page.locator("[role=status]")).containsText("The playlist is created");
        assertAccessible();

        page.locator("#chosen").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("form.playlist-add button[type=submit]").click();
        assertThat(page.locator("[role=status]")).hasText("The activity is added.");
        page.locator("#chosen").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#requires").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("form.playlist-add button[type=submit]").click();
        assertThat(page.locator(".playlist-items li")).hasCount(2);
        assertThat(page.locator(".playlist-items li").nth(1)).containsText("after:");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.locator("[role=status]")).hasText("The playlist is published and its badge is made.");
        assertAccessible();

        phone();
        SignIn.as(page, base(), "learner@example.org", DEMO_PASSWORD);
        open("/playlists?lang=en");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator(".playlist-progress label")).hasText(java.util.regex.Pattern.compile("^\\d of 2 done$"));
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as my own list")).click();
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator(".playlist-items li")).hasCount(2);
        assertFitsNarrowScreen();
        assertAccessible();
        open("/account/playlists?lang=en");
        assertThat(page.getByText("Getting started with digital life")).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
