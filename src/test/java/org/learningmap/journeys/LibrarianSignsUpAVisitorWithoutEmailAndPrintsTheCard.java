package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.Year;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At the library's desk a librarian signs up a senior visitor who has no e-mail address and prints
 * their card; later the visitor takes the account over with the code on the card.
 *
 * <p>What it costs the librarian, counted by this journey (from the staff home page, the person not
 * yet known): <b>7 page loads</b> (desk, consent, sessions, sessions found, card page, the PDF, plus
 * the staff home it starts from), <b>4 typed fields</b> (name, year of birth, witness's name, a word of
 * the session's title), <b>2 choices</b> (language, how consent was given) and <b>6 button or link
 * presses</b> (desk, create, record consent, find, sign up, print). At a calm pace (about 10 s per
 * typed field, 3 s per choice or press, 1 s per page) that is about 1.5 minutes of staff time, well
 * under the 3-minute target; the talk with the visitor is the rest. With the session chosen first from
 * its roster ({@code ?session=}), the session search (1 field, 1 press, 1 page) falls away.
 */
class LibrarianSignsUpAVisitorWithoutEmailAndPrintsTheCard extends BrowserJourney {

    private static final String DEMO_PASSWORD = "LearningMap-demo-2026";

    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger pageLoads = new AtomicInteger();
    private final AtomicInteger fields = new AtomicInteger();
    private final AtomicInteger choices = new AtomicInteger();
    private final AtomicInteger presses = new AtomicInteger();

    @Test
    void aSeniorWithoutEmailIsSignedUpGetsACardAndLaterClaimsTheAccount() throws Exception {
        long library = vilniusPublicLibrary();
        String libraryName = jdbc.sql("SELECT name->>'en' FROM organisation WHERE id = ?").param(library).query(String.class).single();
        assertThat(libraryName).isEqualTo("Vilnius Public Library");
        String title = "Išmanusis telefonas senjorams " + (System.nanoTime() % 100000);
        aPublishedSessionTomorrow(library, title);
        String name = "Aldona Kazlauskienė " + (char) ('A' + (int) (System.nanoTime() % 26));
        int born = Year.now().getValue() - 78;

        SignIn.as(page, base(), "owner@example.org", DEMO_PASSWORD);
        open("/staff");
        page.waitForLoadState();
        pageLoads.incrementAndGet();

        // step 1: the person (not found by a search, so created with a name, a year and a language)
        press(page.locator(".card", new Page.LocatorOptions().setHasText(libraryName))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Desk: sign someone up")));
        assertThat(page.locator("h1")).hasText("Who are you signing up?");
        checkStep("desk-1-person");
        type("#name", name);
        type("#year", String.valueOf(born));
        choose(page.getByLabel("Lithuanian"));
        press(page.getByRole(AriaRole.BUTTON, role("Create and continue")));

        // step 2: consent, spoken with a witness
        assertThat(page.locator("h1")).containsText("Consent");
        assertThat(page.locator("h1")).containsText(name);
        checkStep("desk-2-consent");
        choose(page.getByLabel("Spoken, with a witness"));
        type("#witness", "Rasa Petrauskaitė");
        press(page.getByRole(AriaRole.BUTTON, role("Record and continue")));

        // step 3: the session of the library, found by a word of its title
        assertThat(page.locator("h1")).containsText("Choose the session");
        checkStep("desk-3-session");
        type("#q", title);
        press(page.getByRole(AriaRole.BUTTON, role("Find")).last());
        assertThat(page.locator(".desk-session")).hasCount(1);
        press(page.locator(".desk-session").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sign up").setExact(true)));

        // step 4: the outcome and the card
        assertThat(page.locator(".desk-outcome")).containsText(name + " has a place.");
        checkStep("desk-4-card");
        String claimCode = page.locator("[data-claim-code]").textContent().strip();
        assertThat(claimCode).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        String pdfHref = page.getByRole(AriaRole.LINK, role("Print the card (PDF)")).getAttribute("href");
        presses.incrementAndGet();
        APIResponse pdf = page.context().request().get(base() + pdfHref);
        pageLoads.incrementAndGet();
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(pdf.headers().get("content-disposition")).startsWith("inline");
        assertThat(pdf.headers().get("cache-control")).contains("no-store");
        try (PDDocument card = Loader.loadPDF(pdf.body())) {
            PDRectangle size = card.getPage(0).getMediaBox();
            assertThat(card.getNumberOfPages()).isEqualTo(1);
            assertThat(size.getWidth()).as("A6 width").isCloseTo(PDRectangle.A6.getWidth(), Offset.offset(0.5f));
            assertThat(size.getHeight()).as("A6 height").isCloseTo(PDRectangle.A6.getHeight(), Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(card);
            assertThat(text).contains(name, title, claimCode, "/claim");
        }

        assertThat(pageLoads.get()).as("page loads").isEqualTo(7);
        assertThat(fields.get()).as("typed fields").isEqualTo(4);
        assertThat(choices.get()).as("choices").isEqualTo(2);
        assertThat(presses.get()).as("presses").isEqualTo(6);

        // later, at home: the visitor claims the account with the code on the card, then signs in
        String email = "aldona." + Instant.now().toEpochMilli() + "@example.org";
        useBrowser("lt-LT", 1280, 900, false);
        open("/claim");
        page.locator("#code").fill(claimCode.toLowerCase());
        page.locator("#email").fill(email);
        page.locator("#password").fill(SignIn.PASSWORD);
        page.locator("form[action$='/claim'] [type=submit]").click();
        page.waitForLoadState();
        assertThat(page.url()).contains("/account");
        assertAccessible();

        useBrowser("lt-LT", 1280, 900, false);
        SignIn.as(page, base(), email, SignIn.PASSWORD);
        open("/account");
        assertThat(page.locator("#displayName")).hasValue(name);
    }

    // --- counting what the librarian does

    private void type(String selector, String text) {
        page.locator(selector).fill(text);
        fields.incrementAndGet();
    }

    private void choose(com.microsoft.playwright.Locator option) {
        option.check();
        choices.incrementAndGet();
    }

    private void press(com.microsoft.playwright.Locator target) {
        target.click();
        page.waitForLoadState();
        presses.incrementAndGet();
        pageLoads.incrementAndGet();
    }

    /** axe on the page as it is, then on a 360 px phone screen, where nothing may stick out sideways. */
    private void checkStep(String name) {
        assertAccessible();
        var size = page.viewportSize();
        page.setViewportSize(360, 740);
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot(name + "-phone");
        page.setViewportSize(size.width, size.height);
    }

    /** Role options by accessible name, exactly. */
    private static Page.GetByRoleOptions role(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    // --- the library and its session

    private long vilniusPublicLibrary() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            Optional<Long> id = jdbc.sql("""
                            SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                            JOIN organisation o ON o.id = m.organisation_id
                            WHERE a.email = 'owner@example.org' AND o.site_id = (SELECT id FROM site WHERE slug = 'lietuva')
                            ORDER BY m.organisation_id LIMIT 1
                            """).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the demo library was not loaded");
    }

    private void aPublishedSessionTomorrow(long library, String title) {
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', jsonb_build_object('lt', CAST(? AS text), 'en', CAST(? AS text)),
                               '{"lt": "Skambučiai, nuotraukos ir žinutės"}', now()
                        FROM organisation WHERE id = ? RETURNING id
                        """)
                .params(title, title, library).query(Long.class).single();
        Long venue = jdbc.sql("SELECT id FROM venue WHERE organisation_id = ? ORDER BY id LIMIT 1").param(library)
                .query(Long.class).optional().orElse(null);
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, online_url, starts_at, ends_at, capacity)
                        SELECT a.site_id, a.organisation_id, a.id, ?, CASE WHEN CAST(? AS bigint) IS NULL THEN 'https://meet.example.org/desk' END,
                               date_trunc('day', now()) + interval '1 day 10 hours', date_trunc('day', now()) + interval '1 day 11 hours 30 minutes', 12
                        FROM activity a WHERE a.id = ?
                        """)
                .params(venue, venue, activity).update();
    }
}
