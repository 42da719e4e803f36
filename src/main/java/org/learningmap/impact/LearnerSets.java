package org.learningmap.impact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unique learners counted in memory: per site, every person has a dense number, and every month-cell of
 * {@code impact_learner_month} (month, organisation, area, topic/audience combination) keeps the sorted
 * numbers of its people. A filter's people are the union of its cells' sets, merged into one bit set per
 * area (and their union for the whole site): exact counts, with no row read per person and month.
 *
 * <p>The sets are loaded from {@code impact_learner_month} and kept up to date from
 * {@code impact_learner_change} (the (cell, person) pairs changed since, each re-read as it is now), at
 * most a second behind other nodes and at once after a fact added on this node. When
 * {@code impact_rebuild()} has thrown the tables away ({@code impact_learner_epoch} changed), the sets
 * are not used until loaded again in the background: meanwhile the figures are counted in the database.
 */
@Component
class LearnerSets {

    private static final Logger log = LoggerFactory.getLogger(LearnerSets.class);
    /** How far a node's sets may lag behind what other nodes wrote. */
    static final Duration LAG = Duration.ofSeconds(1);
    /** Changes are read again this long after they were written, for writers that committed late. */
    static final Duration LATE = Duration.ofSeconds(60);
    /** Changes older than this are deleted; a node that did not look for longer loads its sets again. */
    static final Duration KEEP_CHANGES = Duration.ofHours(6);

    /** A month-cell: months counted from year 0 ({@code year * 12 + month - 1}). */
    record CellKey(int month, long organisationId, long areaId, int profileId) {
    }

    /** The people of a filter: per area and in all. */
    record Counts(Map<Long, Long> perArea, long total) {
    }

    /** A site's people numbered densely from 0 and its cells' sets of numbers (each sorted, replaced whole on change). */
    static final class Site {
        final LongIntMap numbers = new LongIntMap();
        final Map<CellKey, int[]> cells = new ConcurrentHashMap<>();

        synchronized int number(long personId) {
            int n = numbers.get(personId);
            if (n < 0) {
                n = numbers.size();
                numbers.put(personId, n);
            }
            return n;
        }

        int people() {
            return numbers.size();
        }
    }

    private record Loaded(long epoch, Map<Long, Site> sites) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Facts facts;
    private final Clock clock;
    private volatile Loaded loaded;
    private long lastChange;
    private Instant lastSync = Instant.EPOCH;
    private long syncedVersion = -1;
    private Instant lastPrune = Instant.EPOCH;
    private final AtomicBoolean loading = new AtomicBoolean();

    LearnerSets(JdbcTemplate jdbc, PlatformTransactionManager transactions, Facts facts, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Loads the sets before the application takes requests. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (loading.compareAndSet(false, true)) {
            try {
                load();
            } catch (RuntimeException e) {
                log.warn("impact learner sets not loaded; counted in the database until they are", e);
            } finally {
                loading.set(false);
            }
        }
    }

    /**
     * The unique people of the months from {@code from} to {@code to} of a site, optionally of one
     * organisation and of some topic/audience combinations ({@code profiles}, null for all); empty when
     * the sets are not up to date (then the caller counts in the database).
     */
    Optional<Counts> count(long siteId, YearMonth from, YearMonth to, Long organisationId, Set<Integer> profiles) {
        Loaded current = fresh();
        if (current == null) {
            return Optional.empty();
        }
        Site site = current.sites().get(siteId);
        if (site == null) {
            return Optional.of(new Counts(Map.of(), 0));
        }
        int first = index(from);
        int last = index(to);
        int words = (site.people() + 64) / 64 + 1;
        Map<Long, long[]> areas = new HashMap<>();
        for (Map.Entry<CellKey, int[]> e : site.cells.entrySet()) {
            CellKey k = e.getKey();
            if (k.month() < first || k.month() > last
                    || (organisationId != null && k.organisationId() != organisationId)
                    || (profiles != null && !profiles.contains(k.profileId()))) {
                continue;
            }
            long[] bits = areas.computeIfAbsent(k.areaId(), a -> new long[words]);
            for (int n : e.getValue()) {
                if ((n >>> 6) >= bits.length) {
                    // A person numbered after this count began: grow the set.
                    bits = Arrays.copyOf(bits, (n >>> 6) + 1);
                    areas.put(k.areaId(), bits);
                }
                bits[n >>> 6] |= 1L << n;
            }
        }
        Map<Long, Long> perArea = new HashMap<>();
        long[] all = new long[words];
        for (Map.Entry<Long, long[]> e : areas.entrySet()) {
            long[] bits = e.getValue();
            long n = 0;
            if (bits.length > all.length) {
                all = Arrays.copyOf(all, bits.length);
            }
            for (int i = 0; i < bits.length; i++) {
                n += Long.bitCount(bits[i]);
                all[i] |= bits[i];
            }
            perArea.put(e.getKey(), n);
        }
        long total = 0;
        for (long w : all) {
            total += Long.bitCount(w);
        }
        return Optional.of(new Counts(perArea, total));
    }

    static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** The sets, brought up to date if a second has passed or a fact was added on this node; null while they are loaded again. */
    private synchronized Loaded fresh() {
        Loaded current = loaded;
        if (current == null) {
            reloadInBackground();
            return null;
        }
        Instant now = clock.instant();
        long version = facts.version();
        if (version == syncedVersion && lastSync.plus(LAG).isAfter(now)) {
            return current;
        }
        if (lastSync.plus(KEEP_CHANGES.dividedBy(2)).isBefore(now)) {
            // Changes this node has not seen may have been deleted: load everything again.
            loaded = null;
            reloadInBackground();
            return null;
        }
        long epoch = jdbc.queryForObject("SELECT epoch FROM impact_learner_epoch WHERE id = 1", Long.class);
        if (epoch != current.epoch()) {
            loaded = null;
            reloadInBackground();
            return null;
        }
        long[] max = {lastChange};
        jdbc.query("""
                        SELECT c.id, c.site_id, (extract(year FROM c.month) * 12 + extract(month FROM c.month) - 1)::int AS m,
                               c.organisation_id, c.area_id, c.profile_id, c.person_id,
                               EXISTS (SELECT 1 FROM impact_learner_month l
                                        WHERE l.site_id = c.site_id AND l.month = c.month AND l.organisation_id = c.organisation_id
                                          AND l.area_id = c.area_id AND l.profile_id = c.profile_id AND l.person_id = c.person_id) AS present
                          FROM impact_learner_change c
                         WHERE c.id > ? OR c.changed_at > clock_timestamp() - make_interval(secs => ?)
                         ORDER BY c.id
                        """, rs -> {
                    long id = rs.getLong("id");
                    Site site = current.sites().computeIfAbsent(rs.getLong("site_id"), s -> new Site());
                    apply(site, new CellKey(rs.getInt("m"), rs.getLong("organisation_id"), rs.getLong("area_id"), rs.getInt("profile_id")),
                            site.number(rs.getLong("person_id")), rs.getBoolean("present"));
                    max[0] = Math.max(max[0], id);
                }, lastChange, (double) LATE.toSeconds());
        lastChange = max[0];
        lastSync = now;
        syncedVersion = version;
        if (lastPrune.plus(Duration.ofMinutes(10)).isBefore(now)) {
            lastPrune = now;
            jdbc.update("DELETE FROM impact_learner_change WHERE changed_at < now() - make_interval(secs => ?)",
                    (double) KEEP_CHANGES.toSeconds());
        }
        return current;
    }

    private static void apply(Site site, CellKey key, int person, boolean present) {
        site.cells.compute(key, (k, old) -> {
            int[] people = old == null ? new int[0] : old;
            int at = Arrays.binarySearch(people, person);
            if (present == at >= 0) {
                return old;
            }
            if (present) {
                int insert = -at - 1;
                int[] more = new int[people.length + 1];
                System.arraycopy(people, 0, more, 0, insert);
                more[insert] = person;
                System.arraycopy(people, insert, more, insert + 1, people.length - insert);
                return more;
            }
            int[] fewer = new int[people.length - 1];
            System.arraycopy(people, 0, fewer, 0, at);
            System.arraycopy(people, at + 1, fewer, at, people.length - at - 1);
            return fewer.length == 0 ? null : fewer;
        });
    }

    private void reloadInBackground() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("impact-learner-sets").daemon().start(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    log.warn("impact learner sets not loaded; counted in the database until they are", e);
                } finally {
                    loading.set(false);
                }
            });
        }
    }

    /** Loads every site's sets from {@code impact_learner_month}, in one snapshot with the epoch and the last change. */
    void load() {
        long started = System.nanoTime();
        Instant at = clock.instant();
        record Snapshot(Loaded loaded, long lastChange, long rows) {
        }
        Snapshot s = snapshot.execute(status -> {
            long epoch = jdbc.queryForObject("SELECT epoch FROM impact_learner_epoch WHERE id = 1", Long.class);
            long last = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM impact_learner_change", Long.class);
            Map<Long, Site> sites = new HashMap<>();
            Map<Long, Map<CellKey, IntList>> building = new HashMap<>();
            long[] rows = {0};
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(50_000);
            streaming.query("""
                    SELECT site_id, (extract(year FROM month) * 12 + extract(month FROM month) - 1)::int AS m,
                           organisation_id, area_id, profile_id, person_id
                      FROM impact_learner_month
                    """, rs -> {
                long siteId = rs.getLong(1);
                Site site = sites.computeIfAbsent(siteId, x -> new Site());
                CellKey key = new CellKey(rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getInt(5));
                building.computeIfAbsent(siteId, x -> new HashMap<>()).computeIfAbsent(key, x -> new IntList())
                        .add(site.number(rs.getLong(6)));
                rows[0]++;
            });
            building.forEach((siteId, cells) -> {
                Site site = sites.get(siteId);
                cells.forEach((key, list) -> {
                    int[] people = list.toArray();
                    Arrays.sort(people);
                    site.cells.put(key, people);
                });
            });
            return new Snapshot(new Loaded(epoch, new ConcurrentHashMap<>(sites)), last, rows[0]);
        });
        synchronized (this) {
            loaded = s.loaded();
            lastChange = s.lastChange();
            lastSync = at;
            syncedVersion = -1; // read the changes made while loading at the next count
        }
        log.info("impact learner sets loaded: {} rows, {} sites in {} ms", s.rows(), s.loaded().sites().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** An open-addressing map from long to int (no boxing: a site may have millions of people). */
    static final class LongIntMap {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private boolean[] used = new boolean[1024];
        private int size;

        int size() {
            return size;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                used[i] = true;
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
