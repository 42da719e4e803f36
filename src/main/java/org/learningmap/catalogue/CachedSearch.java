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
 * Search as pages and the API use it: answers are kept in memory while the catalogue has not changed
 * ({@link CatalogueVersion}) and until the first moment time alone can change them: the end of the
 * next session of any activity the search matches ({@link ActivitySearch#CHANGES_AT}), at most
 * {@link #KEEP_AT_MOST}. So the searches most people make (the first page, a topic, a common word) cost
 * one small query instead of several large ones, and are computed again only when their answer can
 * have changed. A search asked again in the {@link #REFRESH_WITHIN} after that moment is answered from
 * memory while it is computed anew in the background, so that the searches asked all the time never
 * wait for the database; a session's end thus shows at once for a search asked rarely and within half a
 * minute for one asked all the time. Once a change to the catalogue shows in {@link CatalogueVersion}
 * (within its recheck bound, 1 s), no older entry is used.
 */
@Component
class CachedSearch {

    /** The longest an answer is kept, even when no session of its matches ends sooner. */
    static final Duration KEEP_AT_MOST = Duration.ofMinutes(10);
    /** How long after an entry's end it is still served while its successor is computed. */
    static final Duration REFRESH_WITHIN = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String what, long siteId, SearchFilters filters, int page, int size) {
    }

    private record Entry(Object value, long version, Instant until) {
    }

    /** A value just computed, and the moment time alone can change it (null: never). */
    private record Computed(Object value, Instant changesAt) {
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

    /**
     * One page of a search with its facets. Its {@link SearchResult#changesAt()} is the moment the
     * answer stops being kept here, so whoever keeps the whole answer keeps it no longer.
     */
    SearchResult search(Site site, SearchFilters filters, int page) {
        long current = version.current();
        Instant now = clock.instant();
        SearchFilters base = filters.withoutFacets().withSort(SearchFilters.Sort.RELEVANCE);
        Key pageKey = new Key("page", site.id(), filters, page, ActivitySearch.PAGE_SIZE);
        Entry groupsEntry = cached(new Key("groups", site.id(), base, 0, 0), current, now,
                () -> {
                    if (!ActivitySearch.groupsWithPage(filters)) {
                        ActivitySearch.Groups groups = search.facetGroups(site.id(), site.zone(), filters, now);
                        return new Computed(groups.list(), groups.changesAt());
                    }
                    // Words without facet filters: the page comes from the same pass over the matches.
                    ActivitySearch.GroupsAndPage both = search.groupsAndPage(site.id(), site.zone(), filters, page,
                            ActivitySearch.PAGE_SIZE, now);
                    store(pageKey, both.items(), current, until(now, both.groups().changesAt()));
                    return new Computed(both.groups().list(), both.groups().changesAt());
                });
        @SuppressWarnings("unchecked")
        List<ActivitySearch.FacetGroup> groups = (List<ActivitySearch.FacetGroup>) groupsEntry.value();
        // The matches of the facet groups include those of the count and the page (they leave out the
        // facet filters), so what can change the groups first is the first that can change either.
        Instant matchesChange = groupsEntry.until();
        Instant until = groupsEntry.until();
        long total;
        if (ActivitySearch.exactFromGroups(filters)) {
            total = search.count(filters, groups, site.id());
        } else {
            Entry count = cached(new Key("count", site.id(), filters.withSort(SearchFilters.Sort.RELEVANCE), 0, 0), current,
                    now, () -> new Computed(search.count(site.id(), site.zone(), filters, now), matchesChange));
            total = (Long) count.value();
            until = earlier(until, count.until());
        }
        List<ActivityCard> items = List.of();
        if (total > 0) {
            Entry pageEntry = cached(pageKey, current, now, () -> new Computed(
                    search.page(site.id(), site.zone(), filters, page, ActivitySearch.PAGE_SIZE, total, now), matchesChange));
            @SuppressWarnings("unchecked")
            List<ActivityCard> found = (List<ActivityCard>) pageEntry.value();
            items = found;
            until = earlier(until, pageEntry.until());
        }
        return new SearchResult(items, total, page, ActivitySearch.PAGE_SIZE, search.facets(site.id(), filters, groups),
                filters, until);
    }

    /** The first activities in order of their next session, for lists on the home, venue and organisation pages. */
    List<ActivityCard> list(Site site, SearchFilters filters, int size) {
        return listed(site, filters, size).cards();
    }

    /** A list of cards, and the moment it stops being kept here (see {@link #search}). */
    record Listed(List<ActivityCard> cards, Instant until) {
    }

    /** {@link #list}, with the moment the list stops being kept. */
    Listed listed(Site site, SearchFilters filters, int size) {
        long current = version.current();
        Instant now = clock.instant();
        Entry entry = cached(new Key("list", site.id(), filters, 1, size), current, now,
                () -> {
                    // Activities not shown can only fall further back as time passes: what can change the
                    // list first is a session of one shown ending.
                    List<ActivityCard> shown = search.list(site.id(), site.zone(), filters, size, now);
                    return new Computed(shown, search.changesAt(shown.stream().map(ActivityCard::id).toList(), now));
                });
        @SuppressWarnings("unchecked")
        List<ActivityCard> cards = (List<ActivityCard>) entry.value();
        return new Listed(cards, entry.until());
    }

    private Entry cached(Key key, long current, Instant now, Supplier<Computed> compute) {
        Entry entry = entries.get(key);
        if (entry != null && entry.version() == current) {
            if (now.isBefore(entry.until())) {
                return entry;
            }
            if (now.isBefore(entry.until().plus(REFRESH_WITHIN))) {
                if (refreshing.putIfAbsent(key, Boolean.TRUE) == null) {
                    if (refreshSlots.tryAcquire()) {
                        Thread.ofVirtual().name("search-refresh").start(() -> {
                            try {
                                Computed computed = compute.get();
                                store(key, computed.value(), current, until(now, computed.changesAt()));
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
                return entry;
            }
        }
        Computed computed = compute.get();
        return store(key, computed.value(), current, until(now, computed.changesAt()));
    }

    /** Until when a value computed at {@code now} is kept. */
    private static Instant until(Instant now, Instant changesAt) {
        return earlier(now.plus(KEEP_AT_MOST), changesAt);
    }

    private static Instant earlier(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    private Entry store(Key key, Object value, long current, Instant until) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(old -> old.version() != current || !now.isBefore(old.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        Entry entry = new Entry(value, current, until);
        entries.put(key, entry);
        return entry;
    }
}
