package org.learningmap.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.learningmap.sites.Site;
import org.springframework.stereotype.Component;

/**
 * Search as pages and the API use it: answers are kept in memory for half a minute and only while
 * the catalogue has not changed ({@link CatalogueVersion}), so the searches most people make (the
 * first page, a topic, a common word) cost one small query instead of several large ones. What time
 * alone changes (a session ending) shows within that half minute, or a minute for a search asked
 * again in its second half minute: that one is answered from memory while it is computed anew in
 * the background, so that the searches asked all the time never wait for the database. Once a change
 * to the catalogue shows in {@link CatalogueVersion} (within its recheck bound, 1 s), no older entry is
 * used.
 */
@Component
class CachedSearch {

    private static final Duration KEEP = Duration.ofSeconds(30);
    /** How long after {@link #KEEP} an entry is still served while its successor is computed. */
    private static final Duration REFRESH_WITHIN = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String what, long siteId, SearchFilters filters, int page, int size) {
    }

    private record Entry(Object value, long version, Instant until) {
    }

    private final ActivitySearch search;
    private final CatalogueVersion version;
    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Boolean> refreshing = new ConcurrentHashMap<>();
    /** At most this many searches are refreshed in the background at once, so they never crowd out visitors. */
    private final java.util.concurrent.Semaphore refreshSlots = new java.util.concurrent.Semaphore(2);

    CachedSearch(ActivitySearch search, CatalogueVersion version, Clock clock) {
        this.search = search;
        this.version = version;
        this.clock = clock;
    }

    SearchResult search(Site site, SearchFilters filters, int page) {
        long current = version.current();
        Instant now = clock.instant();
        SearchFilters base = filters.withoutFacets().withSort(SearchFilters.Sort.RELEVANCE);
        Key pageKey = new Key("page", site.id(), filters, page, ActivitySearch.PAGE_SIZE);
        List<ActivitySearch.FacetGroup> groups = cached(new Key("groups", site.id(), base, 0, 0), current, now,
                () -> {
                    if (!ActivitySearch.groupsWithPage(filters)) {
                        return search.facetGroups(site.id(), site.zone(), filters, now);
                    }
                    // Words without facet filters: the page comes from the same pass over the matches.
                    ActivitySearch.GroupsAndPage both = search.groupsAndPage(site.id(), site.zone(), filters, page,
                            ActivitySearch.PAGE_SIZE, now);
                    store(pageKey, both.items(), current, clock.instant());
                    return both.groups();
                });
        long total = ActivitySearch.exactFromGroups(filters)
                ? search.count(filters, groups, site.id())
                : cached(new Key("count", site.id(), filters.withSort(SearchFilters.Sort.RELEVANCE), 0, 0), current, now,
                        () -> search.count(site.id(), site.zone(), filters, now));
        List<ActivityCard> items = total == 0 ? List.of()
                : cached(pageKey, current, now,
                        () -> search.page(site.id(), site.zone(), filters, page, ActivitySearch.PAGE_SIZE, total, now));
        return new SearchResult(items, total, page, ActivitySearch.PAGE_SIZE, search.facets(site.id(), filters, groups), filters);
    }

    /** The first activities in order of their next session, for lists on the home, venue and organisation pages. */
    List<ActivityCard> list(Site site, SearchFilters filters, int size) {
        long current = version.current();
        Instant now = clock.instant();
        return cached(new Key("list", site.id(), filters, 1, size), current, now,
                () -> search.list(site.id(), site.zone(), filters, size, now));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, long current, Instant now, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry != null && entry.version() == current) {
            if (now.isBefore(entry.until())) {
                return (T) entry.value();
            }
            if (now.isBefore(entry.until().plus(REFRESH_WITHIN))) {
                if (refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
                    if (refreshSlots.tryAcquire()) {
                        Thread.ofVirtual().name("search-refresh").start(() -> {
                            try {
                                store(key, compute.get(), current, clock.instant());
                            } catch (RuntimeException e) {
                                entries.remove(key, entry);
                            } finally {
                                refreshing.remove(key);
                                refreshSlots.release();
                            }
                        });
                    } else {
                        refreshing.remove(key);
                    }
                }
                return (T) entry.value();
            }
        }
        T value = compute.get();
        store(key, value, current, now);
        return value;
    }

    private void store(Key key, Object value, long current, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(old -> old.version() != current || !now.isBefore(old.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(value, current, now.plus(KEEP)));
    }
}
