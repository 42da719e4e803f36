package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor looks for something to learn: searches, narrows the results by audience and language,
 * opens an activity, puts a session in their calendar, reads the page in Lithuanian and in the
 * easy-read view, and does the same on a phone.
 */
class VisitorSearchesFiltersAndOpensAnActivity extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    long stargazing;

    @BeforeAll
    void twoTelescopeActivities() {
        long site = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        long observatory = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status)
                        VALUES (?, 'journey-observatory', 'NGO', ?::jsonb, 'APPROVED') RETURNING id
                        """)
                .params(site, Json.json(LocalizedText.of("Vilnius Amateur Astronomers", "Vilniaus astronomai mėgėjai",
                        "Вільнюські астрономи-аматори")))
                .query(Long.class).single();
        long venue = jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon, accessibility)
                        VALUES (?, ?, 'LIBRARY_BRANCH', ?::jsonb, 'Žygimantų g. 1', 'Vilnius', 54.686, 25.289, '{STEP_FREE}')
                        RETURNING id
                        """)
                .params(site, observatory, Json.json(LocalizedText.of("Old Town Library", "Senamiesčio biblioteka",
                        "Бібліотека Старого міста")))
                .query(Long.class).single();
        long science = jdbc.sql("""
                        INSERT INTO topic (site_id, slug, name, position) VALUES (?, 'stem', ?::jsonb, 5)
                        ON CONFLICT (site_id, slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id
                        """)
                .params(site, Json.json(LocalizedText.of("Science and technology", "Gamtos mokslai ir technologijos",
                        "Природничі науки й технології")))
                .query(Long.class).single();
        stargazing = activity(site, observatory, science, "FAMILIES", "lt",
                LocalizedText.of("Telescope night for families", "Teleskopų naktis šeimoms", "Ніч телескопів для родин"),
                LocalizedText.of("Look at the Moon and Saturn through real telescopes.",
                        "Pažvelkite į Mėnulį ir Saturną pro tikrus teleskopus.",
                        "Подивіться на Місяць і Сатурн у справжні телескопи."),
                LocalizedText.of("We look at the sky. We use big telescopes. Children can come.",
                        "Žiūrime į dangų. Naudojame didelius teleskopus. Gali ateiti vaikai.",
                        "Ми дивимося на небо. Ми користуємося великими телескопами. Діти можуть прийти."));
        long workshop = activity(site, observatory, science, "SENIORS", "en",
                LocalizedText.of("Telescope building workshop", "Teleskopo gamybos dirbtuvės", "Майстерня виготовлення телескопа"),
                LocalizedText.of("Make a simple telescope from lenses and tubes.", "Pasigaminkite paprastą teleskopą.",
                        "Виготовте простий телескоп."),
                LocalizedText.EMPTY);
        Instant evening = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        session(stargazing, venue, evening);
        session(stargazing, venue, evening.plus(Duration.ofDays(7)));
        session(workshop, venue, evening.plus(Duration.ofDays(1)));
    }

    private long activity(long site, long organisation, long topic, String audience, String language, LocalizedText title,
                          LocalizedText summary, LocalizedText easyRead) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, easy_read, audiences,
                                              languages, published_at)
                        VALUES (?, ?, 'EVENT', 'PUBLISHED', ?::jsonb, ?::jsonb, ?::jsonb, ?::text[], ?::text[], now())
                        RETURNING id
                        """)
                .params(site, organisation, Json.json(title), Json.json(summary), Json.json(easyRead),
                        "{" + audience + "}", "{" + language + "}")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO activity_topic (activity_id, topic_id) VALUES (?, ?)").params(id, topic).update();
        return id;
    }

    private void session(long activity, long venue, Instant start) {
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        SELECT site_id, organisation_id, id, ?, ?, ? FROM activity WHERE id = ?
                        """)
                .params(venue, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofHours(2))), activity)
                .update();
    }

    @Test
    void visitorSearchesFiltersByAudienceAndLanguageOpensTheActivityAndAddsItToTheCalendar() throws Exception {
        open("/search?lang=en");
        assertThat(page.locator("h1")).hasText("Find an activity");
        assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
        assertAccessible();

        page.getByLabel("What would you like to learn?").fill("telescope");
        page.getByLabel("What would you like to learn?").press("Enter");
        Locator status = page.locator("#result-status");
        assertThat(status).hasText("2 activities found");
        assertThat(page.locator(".activity-card h3")).hasCount(2);
        assertThat(page.locator(".results")).containsText("Telescope building workshop");

        page.locator("summary", new Page.LocatorOptions().setHasText("Who it is for")).click();
        checkbox("^Families").check();
        assertThat(status).hasText("1 activity found");
        assertThat(page.locator(".activity-card h3")).hasText(new String[] {"Telescope night for families"});
        assertThat(page).hasURL(Pattern.compile("audience=FAMILIES"));
        assertThat(page.url()).as("empty fields stay out of the address").doesNotContain("age=").doesNotContain("from=");
        // Beside each audience, what ticking it as well would add.
        assertThat(page.locator("#count-audience-SENIORS")).hasText("(1)");

        page.locator("summary", new Page.LocatorOptions().setHasText("Language")).click();
        checkbox("^Lithuanian").check();
        assertThat(status).hasText("1 activity found");
        assertThat(page).hasURL(Pattern.compile("language=lt"));
        assertThat(page.locator("#count-audience-SENIORS")).hasText("(0)");
        assertAccessible();
        screenshot("search-filtered");

        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Telescope night for families")).click();
        assertThat(page.locator("h1")).hasText("Telescope night for families");
        assertThat(page.locator(".sessions li")).hasCount(2);
        assertAccessible();

        Download download = page.waitForDownload(() -> page.getByText("Add to calendar").first().click());
        String calendar = Files.readString(download.path());
        assertThat(calendar).contains("BEGIN:VEVENT", "SUMMARY:Telescope night for families", "Old Town Library");

        page.locator("nav.languages a[lang=lt]").click();
        assertThat(page.locator("h1")).hasText("Teleskopų naktis šeimoms");
        assertThat(page.locator("html")).hasAttribute("lang", "lt");
        assertAccessible();

        page.locator(".easy-read-switch button").click();
        assertThat(page.locator("body")).hasClass(Pattern.compile("easy-read"));
        assertThat(page.locator(".easy-read-box")).containsText("Žiūrime į dangų. Naudojame didelius teleskopus.");
        assertThat(page.locator(".topics .pictogram").first()).isVisible();
        assertAccessible();
        screenshot("activity-easy-read");
        page.locator(".easy-read-switch button").click();
        assertThat(page.locator(".easy-read-box")).hasCount(0);
    }

    private Locator checkbox(String name) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile(name)));
    }

    @Test
    void theSearchAndTheActivityFitAPhone() {
        phone();
        open("/search?lang=en&q=telescope&audience=FAMILIES");
        assertThat(page.locator("#result-status")).hasText("1 activity found");
        page.locator("summary", new Page.LocatorOptions().setHasText("Who it is for")).click();
        assertFitsNarrowScreen();
        assertAccessible();
        screenshot("search-phone");
        open("/activities/" + stargazing + "?lang=uk");
        assertThat(page.locator("h1")).hasText("Ніч телескопів для родин");
        assertFitsNarrowScreen();
        assertAccessible();
        screenshot("activity-phone");
        open("/?lang=en");
        assertThat(page.locator(".upcoming h2")).hasText("Coming up");
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
