package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.SearchFilters;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * After a change, a visitor moving the map gets the previous clusters at once while the new ones are
 * computed in the background, for a bounded time; then the change shows.
 */
@SpringBootTest
@ActiveProfiles("test")
class MapRefreshGraceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sites sites;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChangeShowsAfterTheBackgroundRefreshWhileThePreviousMapIsServedMeanwhile() throws Exception {
        MapFixture fixture = new MapFixture(jdbc, sites, "grace");
        long first = fixture.venue("First", "Pirma", "Kaunas", "A g. 1", 54.9, 23.9);
        fixture.offer(first, "Drawing", 0, "lt");
        Site site = sites.byId(fixture.siteId).orElseThrow();
        MatchingVenues matching = new MatchingVenues(jdbc, transactions, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(ids(matching.find(site, SearchFilters.NONE))).containsExactly(first);

        long second = fixture.venue("Second", "Antra", "Vilnius", "B g. 2", 54.7, 25.3);
        fixture.offer(second, "Chess", 0, "lt");
        // Served from memory without waiting, while the new answer is computed.
        assertThat(ids(matching.find(site, SearchFilters.NONE))).containsExactly(first);

        Instant until = Instant.now().plusSeconds(20);
        List<Long> seen = ids(matching.find(site, SearchFilters.NONE));
        while (seen.size() < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            seen = ids(matching.find(site, SearchFilters.NONE));
        }
        assertThat(seen).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void pastTheGraceAVisitorWaitsForTheFreshAnswer() {
        MapFixture fixture = new MapFixture(jdbc, sites, "no-grace");
        long first = fixture.venue("First", "Pirma", "Kaunas", "A g. 1", 54.9, 23.9);
        fixture.offer(first, "Drawing", 0, "lt");
        Site site = sites.byId(fixture.siteId).orElseThrow();
        MatchingVenues matching = new MatchingVenues(jdbc, transactions, Clock.systemUTC(), Duration.ZERO, Duration.ZERO);
        assertThat(ids(matching.find(site, SearchFilters.NONE))).containsExactly(first);
        long second = fixture.venue("Second", "Antra", "Vilnius", "B g. 2", 54.7, 25.3);
        fixture.offer(second, "Chess", 0, "lt");
        assertThat(ids(matching.find(site, SearchFilters.NONE))).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void anAnswerFoundCurrentIsServedFromMemoryForAMomentThenTheChangeShows() throws Exception {
        MapFixture fixture = new MapFixture(jdbc, sites, "recheck");
        long first = fixture.venue("First", "Pirma", "Kaunas", "A g. 1", 54.9, 23.9);
        fixture.offer(first, "Drawing", 0, "lt");
        Site site = sites.byId(fixture.siteId).orElseThrow();
        MatchingVenues matching = new MatchingVenues(jdbc, transactions, Clock.systemUTC(), Duration.ZERO,
                Duration.ofMillis(1500));
        Matches kept = matching.find(site, SearchFilters.NONE);
        assertThat(matching.find(site, SearchFilters.NONE)).as("found current, so checked for a moment").isSameAs(kept);
        long second = fixture.venue("Second", "Antra", "Vilnius", "B g. 2", 54.7, 25.3);
        fixture.offer(second, "Chess", 0, "lt");
        assertThat(ids(matching.find(site, SearchFilters.NONE))).as("within the moment").containsExactly(first);
        Thread.sleep(1600);
        assertThat(ids(matching.find(site, SearchFilters.NONE))).as("after it").containsExactlyInAnyOrder(first, second);
    }

    private static List<Long> ids(Matches matches) {
        return matches.venues().stream().map(MatchedVenue::id).toList();
    }
}
