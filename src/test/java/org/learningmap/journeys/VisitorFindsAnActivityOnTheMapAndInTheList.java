package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visitor opens the map (no tile server answers), sees clusters and places, finds the same places
 * in the list, looks near Kaunas by typing the town with a typo, and follows the list to a place
 * and to an activity; on a phone the map sits above the list.
 */
class VisitorFindsAnActivityOnTheMapAndInTheList extends BrowserJourney {

    private static final Pattern COUNT = Pattern.compile("(\\d+)");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;

    long kaunasLibrary;
    long chessClub;

    @BeforeAll
    void placesWithActivitiesOnTheLithuanianSite() {
        long site = jdbc.sql("SELECT id FROM site WHERE slug = 'lietuva'").query(Long.class).single();
        long organisation = jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status)
                        VALUES (?, 'journey-map-library', 'LIBRARY', '{"en": "Journey library", "lt": "Kelionės biblioteka"}', 'APPROVED')
                        RETURNING id
                        """)
                .param(site).query(Long.class).single();
        kaunasLibrary = venue(site, organisation, "Kaunas county library", "Kauno apskrities biblioteka", "Kaunas",
                "Radastų g. 2", 54.90272, 23.90961);
        chessClub = offer(site, organisation, kaunasLibrary, "Chess club for beginners");
        offer(site, organisation, venue(site, organisation, "Aleksotas branch", "Aleksoto filialas", "Kaunas",
                "Veiverių g. 1", 54.88, 23.92), "Smartphone basics");
        // Three venues in one building stay one cluster at every zoom below the one that shows venues.
        for (String floor : new String[] {"ground floor", "first floor", "second floor"}) {
            offer(site, organisation, venue(site, organisation, "Vilnius youth centre, " + floor, "Vilniaus jaunimo centras, " + floor,
                    "Vilnius", "Gedimino pr. 9", 54.687, 25.28), "Robotics on the " + floor);
        }
        offer(site, organisation, venue(site, organisation, "Klaipėda library", "Klaipėdos biblioteka", "Klaipėda",
                "Turgaus g. 8", 55.7103, 21.1318), "Online safety");
        sites.refresh();
    }

    @Test
    void visitorSeesPlacesOnTheMapFindsThemNearKaunasAndOpensOne() {
        open("/map?lang=en");
        assertThat(page.locator("h1")).hasText("Map of activities");
        Locator markers = page.locator("#map .leaflet-marker-icon");
        markers.first().waitFor();
        assertThat(page.locator("#map-status")).containsText("Places on the map:");

        int onMap = number(page.locator("#map-status").textContent());
        int inList = number(page.locator("#results-title").textContent());
        assertThat(onMap).as("the map and the list show the same places").isEqualTo(inList).isGreaterThanOrEqualTo(4);

        assertThat(page.locator(".leaflet-control-zoom-in")).hasAttribute("aria-label", "Zoom in");
        Locator cluster = page.locator("#map .map-cluster").first();
        assertThat(cluster).hasAttribute("role", "button");
        assertThat(cluster).hasAttribute("aria-label", Pattern.compile("\\d+ places with \\d+ activities"));
        assertAccessible();

        page.locator(".leaflet-control-zoom-out").click();
        page.waitForURL(Pattern.compile(".*view=.*"));
        page.locator("#map:not([aria-busy])").waitFor();
        int zoomedOut = zoomInAddress();
        page.locator("#map .map-cluster").first().focus();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> zoomInAddress() > zoomedOut);
        assertThat(page.locator("#map-status")).containsText("Places on the map:");

        page.locator("#place").fill("Kaunsa");
        page.locator("#map-filters button[type=submit]").click();
        assertThat(page.locator(".notice")).containsText("Within 25 km of Kaunas");
        Locator firstPlace = page.locator(".venue-list > li").first();
        assertThat(firstPlace).containsText("Kaunas county library");
        assertThat(firstPlace).containsText("0 km away");
        assertThat(page.locator("#place")).hasValue("Kaunas");
        page.locator("#map .leaflet-marker-icon").first().waitFor();
        assertAccessible();

        firstPlace.locator(".next-sessions a").first().click();
        page.waitForURL(Pattern.compile(".*/activities/" + chessClub));
        page.goBack();
        page.locator(".venue-list > li").first().locator("h3 a").click();
        page.waitForURL(Pattern.compile(".*/venues/" + kaunasLibrary));
    }

    @Test
    void theListWorksByKeyboardAndAPhoneShowsTheMapAboveIt() {
        phone();
        open("/map?lang=lt");
        // A phone loads the map (Leaflet and its tiles) only when the person asks for it.
        assertThat(page.locator("#map")).isHidden();
        page.locator("#map-show button").click();
        page.locator("#map .leaflet-marker-icon").first().waitFor();
        assertThat(page.locator("#results-title")).containsText("Rasta vietų:");
        assertThat(page.locator("#near-me")).isVisible();
        assertFitsNarrowScreen();
        BoundingBox map = page.locator("#map").boundingBox();
        BoundingBox list = page.locator(".results").boundingBox();
        assertThat(map.y + map.height).as("the map comes before the list").isLessThanOrEqualTo(list.y);
        assertThat(map.width).isGreaterThan(300);
        assertAccessible();
        screenshot("map-phone");

        page.locator("#place").fill("Kaunas");
        page.locator("#place").press("Enter");
        assertThat(page.locator(".venue-list > li").first()).containsText("Kauno apskrities biblioteka");
        Locator link = page.locator(".venue-list > li").first().locator("h3 a");
        link.focus();
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/venues/" + kaunasLibrary));
    }

    @Test
    void nearMeUsesTheBrowsersLocationToSortTheList() {
        context.grantPermissions(java.util.List.of("geolocation"));
        context.setGeolocation(new com.microsoft.playwright.options.Geolocation(54.9, 23.91));
        open("/map?lang=en");
        page.locator("#near-me").click();
        assertThat(page.locator(".notice")).containsText("of your location");
        assertThat(page.locator(".venue-list > li").first()).containsText("Kaunas county library");
        page.locator("#map .leaflet-marker-icon").first().waitFor();
        screenshot("map-near-me");
    }

    private long venue(long site, long organisation, String en, String lt, String town, String address, double lat, double lon) {
        return jdbc.sql("""
                        INSERT INTO venue (site_id, organisation_id, kind, name, address, town, lat, lon, accessibility)
                        VALUES (?, ?, 'LIBRARY', jsonb_build_object('en', CAST(? AS text), 'lt', CAST(? AS text)), ?, ?, ?, ?, '{STEP_FREE}')
                        RETURNING id
                        """)
                .params(site, organisation, en, lt, address, town, lat, lon).query(Long.class).single();
    }

    private long offer(long site, long organisation, long venue, String title) {
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', jsonb_build_object('en', CAST(? AS text)), '{ADULTS}', '{lt}', now())
                        RETURNING id
                        """)
                .params(site, organisation, title).query(Long.class).single();
        Instant starts = Instant.now().plus(Duration.ofDays(4));
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(site, organisation, activity, venue, Timestamp.from(starts), Timestamp.from(starts.plus(Duration.ofHours(2))))
                .update();
        return activity;
    }

    /** The zoom the map keeps in the address bar: {@code view=lat,lon,zoom}. */
    private int zoomInAddress() {
        Matcher view = Pattern.compile("view=[-0-9.]+(?:%2C|,)[-0-9.]+(?:%2C|,)(\\d+)").matcher(page.url());
        return view.find() ? Integer.parseInt(view.group(1)) : -1;
    }

    private static int number(String text) {
        Matcher matcher = COUNT.matcher(text);
        assertThat(matcher.find()).as("a number in %s", text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
