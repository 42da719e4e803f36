package org.learningmap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person on a cheap phone opens each main public page in English, Lithuanian and Ukrainian with
 * an empty cache: the page with its style sheets, scripts, images and data transfers at most 60 KB
 * as the browser receives it (compressed as it negotiates), map tiles not counted (no tile server
 * answers here). The timing scores of the same pages are measured by bench/pages.sh with Lighthouse.
 */
class PublicPagesStayLight extends BrowserJourney {

    static final long MAX_BYTES = 60 * 1024;

    @Autowired
    JdbcClient jdbc;

    final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    void theMainPublicPages() {
        long site = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        long activity = jdbc.sql("SELECT id FROM activity WHERE site_id = ? AND status = 'PUBLISHED' ORDER BY id LIMIT 1")
                .param(site).query(Long.class).single();
        long organisation = jdbc.sql("SELECT organisation_id FROM activity WHERE id = ?").param(activity).query(Long.class).single();
        long venue = jdbc.sql("SELECT id FROM venue WHERE organisation_id = ? ORDER BY id LIMIT 1")
                .param(organisation).query(Long.class).single();
        Long badge = jdbc.sql("SELECT id FROM badge WHERE site_id = ? ORDER BY id LIMIT 1").param(site).query(Long.class)
                .optional().orElseGet(() -> jdbc.sql("""
                        INSERT INTO badge (site_id, organisation_id, source, name, description, criteria)
                        VALUES (?, ?, 'CUSTOM', '{"en": "Digital helper", "lt": "Skaitmeninis pagalbininkas", "uk": "Цифровий помічник"}',
                                '{"en": "Helps others online."}', '{"en": "Ten hours of help."}')
                        RETURNING id
                        """).params(site, organisation).query(Long.class).single());
        jdbc.sql("""
                INSERT INTO portfolio (account_id, site_id, handle, public)
                SELECT id, ?, 'light-pages-learner', true FROM account ORDER BY id LIMIT 1
                ON CONFLICT (account_id) DO UPDATE SET handle = 'light-pages-learner', public = true
                """).param(site).update();

        pages.put("home", "/");
        pages.put("search", "/search?q=smartphone");
        pages.put("activity", "/activities/" + activity);
        pages.put("organisation", "/organisations/" + organisation);
        pages.put("venue", "/venues/" + venue);
        pages.put("map", "/map");
        pages.put("skills check", "/skills-check");
        pages.put("impact", "/impact");
        pages.put("verify", "/verify");
        pages.put("methods library", "/library");
        pages.put("playlists", "/playlists");
        pages.put("portfolio", "/portfolios/light-pages-learner");
        pages.put("badge", "/badges/" + badge);
        pages.put("sign in", "/sign-in");
        pages.put("sign up", "/sign-up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "lt", "uk"})
    void everyMainPageTransfersAtMost60KilobytesOnAPhone(String language) {
        Map<String, Long> tooHeavy = new TreeMap<>();
        Map<String, Long> measured = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            useBrowser(language, 360, 740, true);
            // A style sheet or script whose content-hashed link did not resolve would make a page light and broken.
            page.onResponse(answer -> {
                if (answer.url().startsWith(base()) && answer.status() >= 400 && !answer.url().endsWith("/favicon.ico")) {
                    failed.add(answer.status() + " " + answer.url());
                }
            });
            String path = entry.getValue() + (entry.getValue().contains("?") ? "&" : "?") + "lang=" + language;
            var response = page.navigate(base() + path);
            assertThat(response.status()).as("%s answers", path).isEqualTo(200);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            long bytes = transferred();
            measured.put(entry.getKey(), bytes);
            if (bytes > MAX_BYTES) {
                tooHeavy.put(entry.getKey() + " " + path, bytes);
            }
        }
        System.out.printf("page weight (%s, bytes): %s%n", language, measured);
        assertThat(measured.values()).as("every page was measured: %s", measured).allMatch(bytes -> bytes > 1000);
        assertThat(failed).as("requests that failed").isEmpty();
        assertThat(tooHeavy).as("pages over %d bytes (all: %s)", MAX_BYTES, measured).isEmpty();
    }

    /** What the browser received for the page and everything it loaded from this application (tiles are elsewhere). */
    private long transferred() {
        Object bytes = page.evaluate("""
                origin => {
                  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                  return entries.filter(e => e.name.startsWith(origin)).reduce((sum, e) => sum + (e.transferSize || 0), 0);
                }
                """, base());
        return ((Number) bytes).longValue();
    }
}
