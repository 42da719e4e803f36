package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorSwitchesLanguageAndEasyRead extends BrowserJourney {

    @Test
    void visitorReadsTheHomePageInEachLanguageAndKeepsTheEasyReadView() {
        open("/");
        assertThat(page.locator("h1")).hasText("Learn something new near you");
        assertAccessible();

        page.locator("nav.languages a[lang=lt]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "lt");
        assertThat(page.locator("h1")).hasText("Išmokite ko nors naujo netoli namų");

        open("/");
        assertThat(page.locator("h1")).hasText("Išmokite ko nors naujo netoli namų");

        page.locator("nav.languages a[lang=uk]").click();
        assertThat(page.locator("h1")).hasText("Навчіться чогось нового поруч із домом");
        assertAccessible();

        page.locator(".easy-read-switch button").click();
        assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile("easy-read"));
        open("/ukraina/");
        assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile("easy-read"));
        page.locator(".easy-read-switch button").click();
        assertThat(page.locator("body")).not().hasClass(java.util.regex.Pattern.compile("easy-read"));
    }

    @Test
    void theUkrainianSiteHasItsOwnAddressAndLanguage() {
        useBrowser("lt-LT", 1280, 900, false);
        open("/ukraina/");
        // The Ukrainian site does not speak Lithuanian, so a Lithuanian browser gets the site's own language.
        assertThat(page.locator("html")).hasAttribute("lang", "uk");
        assertThat(page.locator(".brand")).containsText("Україна");
        assertThat(page.locator("nav.main-nav a").first()).hasAttribute("href", "/ukraina/search");
        phone();
        open("/ukraina/");
        assertFitsNarrowScreen();
        assertAccessible();
    }

    @Test
    void visitorReadsWhereTheDataComesFrom() {
        open("/");
        page.locator("footer a[href='/about/data']").click();
        assertThat(page.locator("h1")).hasText(java.util.regex.Pattern.compile("Apie duomenis|About the data"));
        assertThat(page.locator("body")).containsText("GeoNames");
        assertThat(page.locator("table tbody tr")).hasCount(10);
        assertAccessible();
    }

    @Test
    void visitorFindsBadgeVerificationPlaylistsAndTheMethodsLibraryInTheFooterOnAPhone() {
        phone();
        open("/?lang=en");
        assertThat(page.locator("footer a[href='/verify']")).hasText("Verify a badge");
        assertThat(page.locator("footer a[href='/playlists']")).hasText("Learning playlists");
        assertThat(page.locator("footer a[href='/library']")).hasText("Methods library");
        assertFitsNarrowScreen();
        assertAccessible();
        page.locator("footer a[href='/verify']").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/verify$"));
        assertThat(page.locator("h1")).isVisible();
        page.locator("footer a[href='/playlists']").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/playlists$"));
        assertThat(page.locator("h1")).isVisible();
        page.locator("footer a[href='/library']").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/library$"));
        assertThat(page.locator("h1")).isVisible();

        open("/?lang=lt");
        assertThat(page.locator("footer a[href='/verify']")).hasText("Patikrinti ženklelį");
        assertThat(page.locator("footer a[href='/library']")).hasText("Metodų biblioteka");
        open("/ukraina/?lang=uk");
        assertThat(page.locator("footer a[href='/ukraina/playlists']")).hasText("Навчальні добірки");
        assertThat(page.locator("footer a[href='/ukraina/verify']")).hasText("Перевірити бейдж");
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
