package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;

/** How long a search is answered from memory, and when a visitor waits for the database instead. */
class CachedSearchTest {

    static final Site SITE = new Site(1, "test", null, LocalizedText.EMPTY, "LT", List.of("lt"), "lt",
            ZoneId.of("Europe/Vilnius"), null, null, null, false, null, 7, null);

    /** Each computation finds one more activity than the one before, so answers tell computations apart. */
    static final class CountingSearch extends ActivitySearch {
        final AtomicInteger computations = new AtomicInteger();
        /** When the next session of a match ends, counted from the computation; null: none will. */
        volatile Duration sessionEndsIn = Duration.ofMinutes(5);

        CountingSearch() {
            super(null, null, null, 0);
        }

        @Override
        Groups facetGroups(long siteId, ZoneId zone, SearchFilters filters, Instant now) {
            int n = computations.incrementAndGet();
            return new Groups(List.of(new FacetGroup(List.of(), List.of(), List.of(), "CLASS", true, false, true, n)),
                    sessionEndsIn == null ? null : now.plus(sessionEndsIn));
        }

        @Override
        long count(SearchFilters filters, List<FacetGroup> groups, long siteId) {
            return groups.stream().mapToLong(FacetGroup::count).sum();
        }

        @Override
        Map<String, List<FacetCount>> facets(long siteId, SearchFilters filters, List<FacetGroup> groups) {
            return Map.of();
        }

        @Override
        List<ActivityCard> page(long siteId, ZoneId zone, SearchFilters filters, int page, int size, long total, Instant now) {
            return List.of();
        }
    }

    static final class Version extends CatalogueVersion {
        final AtomicLong value = new AtomicLong(1);

        Version() {
            super(null);
        }

        @Override
        long current() {
            return value.get();
        }
    }

    static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2031-06-02T07:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CountingSearch search = new CountingSearch();
    final Version version = new Version();
    final MovingClock clock = new MovingClock();
    final CachedSearch cached = new CachedSearch(search, version, clock);

    long found() {
        return cached.search(SITE, SearchFilters.NONE, 1).total();
    }

    void awaitComputations(int n) throws InterruptedException {
        long waited = 0;
        while (search.computations.get() < n && waited < 5_000) {
            Thread.sleep(10);
            waited += 10;
        }
        Thread.sleep(50);
    }

    @Test
    void anAnswerIsKeptUntilASessionOfItsMatchesEndsThenRefreshedBehindTheScenes() throws Exception {
        assertThat(found()).isEqualTo(1);
        assertThat(cached.search(SITE, SearchFilters.NONE, 1).changesAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(found()).as("no session of the matches has ended yet: answered from memory").isEqualTo(1);
        assertThat(search.computations).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(found()).as("the session has just ended: the kept answer while the new one is computed").isEqualTo(1);
        awaitComputations(2);
        assertThat(found()).isEqualTo(2);
    }

    @Test
    void anAnswerNoSessionEndCanChangeIsKeptTenMinutesAtMost() throws Exception {
        search.sessionEndsIn = null;
        assertThat(found()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(found()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(1)).plusSeconds(31);
        assertThat(found()).as("older than ten minutes and its refresh window: computed before answering").isEqualTo(2);
    }

    @Test
    void anAnswerFromBeforeAChangeOrLongAfterASessionEndedIsNeverServed() {
        assertThat(found()).isEqualTo(1);
        version.value.incrementAndGet();
        assertThat(found()).isEqualTo(2);

        clock.now = clock.now.plus(Duration.ofMinutes(5)).plusSeconds(31);
        assertThat(found()).isEqualTo(3);
    }
}
