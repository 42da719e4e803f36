package org.learningmap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Content-Security-Policy allows no inline script or style. In a real Chromium, the main public pages in
 * the three languages and the pages staff, a coordinator and an administrator use are opened and every
 * violation the browser reports (a {@code securitypolicyviolation} event or a "Refused to…" message in the
 * console) fails the journey: nothing the policy blocks has slipped into a template or a script.
 */
class PagesRunUnderTheStrictPolicy extends BrowserJourney {

    private static final String DEMO_PASSWORD = "LearningMap-demo-2026";
    private static final String RECORD_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at '
                + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''));
            });
            """;

    @Autowired
    JdbcClient jdbc;

    private final List<String> violations = new ArrayList<>();

    /** Each journey starts with no violations seen (the instance, and this list, live as long as the class). */
    @BeforeEach
    void nothingSeenYet() {
        violations.clear();
    }

    private void watch(Page page) {
        page.addInitScript(RECORD_VIOLATIONS);
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.startsWith("Refused to")) {
                violations.add(page.url() + " console: " + text);
            }
        });
    }

    private void visit(String path) {
        open(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) page.evaluate("() => window.__cspViolations || []");
        seen.forEach(v -> violations.add(path + ": " + v));
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).list().getFirst();
    }

    @Test
    void thePublicPagesInEveryLanguageNeedNothingThePolicyBlocks() {
        watch(page);
        long activity = id("""
                SELECT a.id FROM activity a JOIN site s ON s.id = a.site_id
                WHERE s.slug = 'lietuva' AND a.status = 'PUBLISHED' ORDER BY a.id""");
        long organisation = id("SELECT organisation_id FROM activity WHERE id = " + activity);
        long venue = id("SELECT v.id FROM venue v JOIN site s ON s.id = v.site_id WHERE s.slug = 'lietuva' ORDER BY v.id");
        List<String> pages = new ArrayList<>(List.of("/", "/search", "/search?q=computer", "/activities/" + activity,
                "/organisations/" + organisation, "/venues/" + venue, "/map", "/skills-check", "/impact", "/verify", "/library",
                "/playlists", "/sign-in", "/sign-up", "/password-reset", "/privacy", "/claim", "/about/data"));
        jdbc.sql("SELECT id FROM library_item ORDER BY id").query(Long.class).list().stream().findFirst()
                .ifPresent(item -> pages.add("/library/" + item));
        int visited = 0;
        for (String language : List.of("en", "lt", "uk")) {
            for (String path : pages) {
                visit(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                visited++;
            }
        }
        visit("/ukraina/?lang=uk");
        visit("/ukraina/map?lang=uk");
        System.out.println("Strict policy in Chromium: " + visited + " public pages");
        assertThat(violations).as("Content-Security-Policy violations on public pages").isEmpty();
    }

    @Test
    void thePagesOfStaffCoordinatorsAndAdministratorsNeedNothingThePolicyBlocks() {
        watch(page);
        long organisation = id("""
                SELECT m.organisation_id FROM membership m JOIN account a ON a.id = m.account_id
                WHERE a.email = 'owner@example.org' ORDER BY m.organisation_id""");
        long activity = id("SELECT id FROM activity WHERE organisation_id = " + organisation + " AND status = 'PUBLISHED' ORDER BY id");
        long session = id("SELECT id FROM session WHERE activity_id = " + activity + " ORDER BY starts_at");
        signIn("owner@example.org");
        for (String path : List.of("/staff", "/staff/organisations/" + organisation, "/staff/organisations/" + organisation + "/activities",
                "/staff/organisations/" + organisation + "/activities/" + activity, "/staff/sessions", "/staff/sessions/" + session + "/roster",
                "/staff/badges", "/staff/playlists", "/staff/skills-check", "/account", "/account/profile", "/account/privacy",
                "/account/enrolments", "/account/badges")) {
            visit(path + "?lang=en");
        }
        visit("/staff/organisations/" + organisation + "/activities?lang=lt");
        visit("/staff/sessions/" + session + "/roster?lang=uk");

        useBrowser("en-GB", 1280, 900, false);
        watch(page);
        signIn("coordinator.lt@example.org");
        for (String path : List.of("/coordinator/organisations", "/coordinator/activities", "/coordinator/cascades",
                "/coordinator/skills-check/items", "/coordinator/volunteering")) {
            visit(path + "?lang=en");
        }

        useBrowser("en-GB", 1280, 900, false);
        watch(page);
        signIn("admin@example.org");
        visit("/admin/sites?lang=en");
        visit("/admin/sites/new?lang=uk");
        assertThat(violations).as("Content-Security-Policy violations on signed-in pages").isEmpty();
    }

    @Test
    void anInlineStyleOrScriptWouldBeCaught() {
        // the control: this journey does see what the policy blocks
        watch(page);
        visit("/?lang=en");
        page.evaluate("() => { document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">Styled</p>');"
                + " const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.appendChild(s); }");
        page.waitForTimeout(300);
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) page.evaluate("() => window.__cspViolations || []");
        assertThat(String.join("\n", seen.stream().map(String::valueOf).toList())).contains("style-src").contains("script-src");
        assertThat(page.evaluate("() => window.ran === true")).as("the inline script did not run").isEqualTo(false);
        assertThat(violations).as("the console reports them too").isNotEmpty();
    }

    private void signIn(String email) {
        SignIn.as(page, base(), email, DEMO_PASSWORD);
    }
}
