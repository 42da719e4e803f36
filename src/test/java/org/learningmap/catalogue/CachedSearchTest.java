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

        CountingSearch() {
            super(null, null, null, 0);
        }

        @Override
        List<FacetGroup> facetGroups(long siteId, ZoneId zone, SearchFilters filters, Instant now) {
            int n = computations.incrementAndGet();
            return List.of(new FacetGroup(List.of(), List.of(), List.of(), "CLASS", true, false, true, n));
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

    @Test
    void aSearchAskedAgainAfterHalfAMinuteIsAnsweredAtOnceAndRefreshedBehindTheScenes() throws Exception {
        assertThat(found()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(20);
        assertThat(found()).isEqualTo(1);
        assertThat(search.computations).hasValue(1);

        clock.now = clock.now.plusSeconds(20);
        assertThat(found()).isEqualTo(1);
        long waited = 0;
        while (search.computations.get() < 2 && waited < 5_000) {
            Thread.sleep(10);
            waited += 10;
        }
        Thread.sleep(50);
        assertThat(found()).isEqualTo(2);
    }

    @Test
    void anAnswerOlderThanAMinuteOrFromBeforeAChangeIsNeverServed() {
        assertThat(found()).isEqualTo(1);
        version.value.incrementAndGet();
        assertThat(found()).isEqualTo(2);

        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(found()).isEqualTo(3);
    }
}
