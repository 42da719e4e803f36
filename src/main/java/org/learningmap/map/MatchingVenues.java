package org.learningmap.map;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.learningmap.catalogue.SearchFilters;
import org.learningmap.platform.Json;
import org.learningmap.sites.Site;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the venues of a search with their clusters at every zoom, in one SQL statement.
 *
 * <p>Finding them touches every upcoming session of every matching activity, which for a whole
 * country is far too slow to do for each movement of the map. So an answer is kept in memory with
 * the database snapshot it was computed in, and served again only while it is exactly current:
 * no transaction that the snapshot could not see has since committed a change to activities,
 * sessions, topics or venues (the triggers of {@code map_catalogue_change} list them), and no
 * counted activity has had its last upcoming session end in the meantime. Every node checks this
 * against the database on every request, so nodes never disagree and nothing is ever stale.
 *
 * <p>The moment an answer runs out by time is known in advance, so shortly before it the answer
 * for that moment is computed in the background (the same search with that moment as "now"); it
 * takes over then if nothing changed in between.
 *
 * <p>After a change to the data, recomputing a whole country takes seconds at 100,000 activities.
 * So for at most {@code learningmap.map.refresh-grace} (10 seconds; 0 answers every change at once)
 * after a kept answer was first found outdated, it is still served while its successor is computed
 * in the background, once; past that bound a visitor waits for the fresh answer, as without a grace.
 *
 * <p>Asking the database whether a kept answer is still current costs a round trip on every movement
 * of the map. An answer found current is therefore served from memory without asking again for
 * {@code learningmap.map.recheck-within} (1 second; 0 asks every time): a change shows on the map at
 * most that much later, on every node alike.
 */
@Repository
class MatchingVenues {

    /** Answers older than this are recomputed; the change log keeps what they need for twice as long. */
    static final Duration MAX_AGE = Duration.ofMinutes(30);
    private static final Duration COMPACT_EVERY = MAX_AGE.multipliedBy(2);
    private static final Duration PREPARE_SUCCESSOR = Duration.ofMinutes(1);
    private static final int MAX_ROWS_IN_MEMORY = 400_000;

    private static final String MATCHES = """
            WITH pairs AS (
                SELECT s.venue_id, s.activity_id, count(*) AS sessions, max(s.ends_at) AS last_end
                FROM activity a
                JOIN session s ON s.activity_id = a.id
                WHERE %s
                  AND s.status = 'SCHEDULED' AND s.ends_at > :now AND s.venue_id IS NOT NULL%s
                GROUP BY s.venue_id, s.activity_id
            ), matched AS MATERIALIZED (
                SELECT v.id, v.lon, v.lat, map_world_x(v.lon) AS x, map_world_y(v.lat) AS y, v.name, v.town, v.address,
                       count(*) AS activities, sum(p.sessions) AS sessions, min(p.last_end) AS first_change
                FROM pairs p
                JOIN venue v ON v.id = p.venue_id
                WHERE v.site_id = :siteId%s
                GROUP BY v.id
            ), cells AS (
                SELECT z.zoom, floor(m.x * 2 ^ z.zoom / %s)::bigint AS cx, floor(m.y * 2 ^ z.zoom / %s)::bigint AS cy,
                       count(*) AS venues, sum(m.activities) AS activities, avg(m.lon) AS lon, avg(m.lat) AS lat,
                       min(m.lon) AS min_lon, min(m.lat) AS min_lat, max(m.lon) AS max_lon, max(m.lat) AS max_lat,
                       min(m.id) AS venue_id
                FROM matched m
                CROSS JOIN generate_series(0, %d) AS z(zoom)
                GROUP BY z.zoom, 2, 3
            )
            SELECT zoom, cx, cy, venues, activities, NULL::bigint AS sessions, lon, lat, min_lon, min_lat, max_lon, max_lat,
                   venue_id, NULL::jsonb AS name, NULL::text AS town, NULL::text AS address, NULL::timestamptz AS first_change
            FROM cells
            UNION ALL
            SELECT %d, NULL, NULL, 1, activities, sessions, lon, lat, lon, lat, lon, lat,
                   id, name, town, address, first_change
            FROM matched
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshotTransaction;
    private final Clock clock;
    private final LinkedHashMap<MapQuery.Key, Matches> answers = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<MapQuery.Key, CompletableFuture<Matches>> computing = new ConcurrentHashMap<>();
    private final Map<MapQuery.Key, CompletableFuture<Matches>> successors = new ConcurrentHashMap<>();
    private final Map<MapQuery.Key, Instant> outdatedSince = new ConcurrentHashMap<>();
    private final Duration refreshGrace;
    private final Duration recheckWithin;
    /** When a kept answer was last found current in the database. */
    private final Map<MapQuery.Key, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(Matches matches, Instant at) {
    }
    private int rowsInMemory;
    private String compactionSnapshot;
    private Instant compactionSnapshotAt = Instant.EPOCH;

    @org.springframework.beans.factory.annotation.Autowired
    MatchingVenues(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${learningmap.map.refresh-grace:10s}") Duration refreshGrace,
                   @org.springframework.beans.factory.annotation.Value("${learningmap.map.recheck-within:1s}") Duration recheckWithin) {
        this.refreshGrace = refreshGrace;
        this.recheckWithin = recheckWithin;
        this.jdbc = jdbc;
        this.snapshotTransaction = new TransactionTemplate(transactions);
        this.snapshotTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotTransaction.setReadOnly(true);
        this.clock = clock;
    }

    /** The venues of the search on the site now; none at all for online-only searches. */
    Matches find(Site site, SearchFilters filters) {
        Instant now = clock.instant();
        MapQuery query = MapQuery.of(site, filters, now);
        if (query.nothingAtVenues()) {
            return Matches.none(now);
        }
        MapQuery.Key key = query.key();
        Matches kept = kept(key);
        if (kept != null && (checkedRecently(key, kept, now) || isCurrent(kept, now))) {
            checked.put(key, new Checked(kept, now));
            prepareSuccessor(key, site, filters, kept, now);
            return kept;
        }
        Matches successor = successor(key, now);
        if (successor != null) {
            return successor;
        }
        if (kept != null && !refreshGrace.isZero()) {
            Instant since = outdatedSince.computeIfAbsent(key, k -> now);
            if (now.isBefore(since.plus(refreshGrace))) {
                refreshInBackground(key, query, now);
                return kept;
            }
        }
        CompletableFuture<Matches> mine = new CompletableFuture<>();
        CompletableFuture<Matches> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            Matches other;
            try {
                other = running.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
                return compute(query, now);
            }
            if (isCurrent(other, now)) {
                return other;
            }
            return compute(query, now);
        }
        try {
            Matches fresh = compute(query, now);
            keep(key, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    /** Computes a fresh answer in the background unless one is being computed already. */
    private void refreshInBackground(MapQuery.Key key, MapQuery query, Instant now) {
        CompletableFuture<Matches> mine = new CompletableFuture<>();
        if (computing.putIfAbsent(key, mine) != null) {
            return;
        }
        Thread.ofVirtual().name("map-refresh").start(() -> {
            try {
                Matches fresh = compute(query, now);
                keep(key, fresh);
                mine.complete(fresh);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                computing.remove(key, mine);
            }
        });
    }

    /** Starts computing the answer for the moment the kept one runs out, when that moment is near. */
    private void prepareSuccessor(MapQuery.Key key, Site site, SearchFilters filters, Matches kept, Instant now) {
        Instant end = kept.validUntil();
        if (end.equals(Instant.MAX) || now.plus(PREPARE_SUCCESSOR).isBefore(end) || successors.containsKey(key)) {
            return;
        }
        CompletableFuture<Matches> next = new CompletableFuture<>();
        if (successors.putIfAbsent(key, next) != null) {
            return;
        }
        Thread.ofVirtual().name("map-successor").start(() -> {
            try {
                next.complete(compute(MapQuery.of(site, filters, end), end));
            } catch (RuntimeException e) {
                successors.remove(key, next);
                next.completeExceptionally(e);
            }
        });
    }

    /** The prepared answer for now, when it is ready and still current; it replaces the kept one. */
    private Matches successor(MapQuery.Key key, Instant now) {
        CompletableFuture<Matches> next = successors.get(key);
        if (next == null || !next.isDone() || next.isCompletedExceptionally()) {
            return null;
        }
        Matches prepared = next.join();
        if (prepared.computedAt().isAfter(now)) {
            return null;
        }
        successors.remove(key, next);
        if (!isCurrent(prepared, now)) {
            return null;
        }
        keep(key, prepared);
        return prepared;
    }

    /**
     * Whether this very answer was found current in the database less than {@code recheck-within}
     * ago and has not run out by time since: then it is served from memory without asking again.
     */
    private boolean checkedRecently(MapQuery.Key key, Matches matches, Instant now) {
        Checked last = checked.get(key);
        return last != null && last.matches() == matches && now.isBefore(last.at().plus(recheckWithin))
                && !now.isBefore(last.at()) && matches.currentAt(now) && !matches.computedAt().plus(MAX_AGE).isBefore(now);
    }

    private boolean isCurrent(Matches matches, Instant now) {
        if (!matches.currentAt(now) || matches.computedAt().plus(MAX_AGE).isBefore(now)) {
            return false;
        }
        return !Boolean.TRUE.equals(jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM map_catalogue_change c
                                       WHERE c.xid >= pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))
                                         AND NOT pg_visible_in_snapshot(c.xid, CAST(:snapshot AS pg_snapshot)))
                        """)
                .param("snapshot", matches.snapshot())
                .query(Boolean.class)
                .single());
    }

    private Matches compute(MapQuery query, Instant now) {
        compactChangeLog(now);
        String sql = MATCHES.formatted(query.where(), query.sessionConditions(), query.venueConditions(),
                Matches.CELL_PIXELS, Matches.CELL_PIXELS, Matches.INDIVIDUAL_ZOOM - 1, Matches.INDIVIDUAL_ZOOM);
        return snapshotTransaction.execute(status -> {
            String snapshot = jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
            List<MatchedVenue> venues = new ArrayList<>();
            List<List<Matches.Cell>> cells = new ArrayList<>();
            for (int zoom = 0; zoom < Matches.INDIVIDUAL_ZOOM; zoom++) {
                cells.add(new ArrayList<>());
            }
            Instant[] validUntil = {Instant.MAX};
            jdbc.sql(sql).params(query.params()).query((ResultSet rs) -> {
                int zoom = rs.getInt("zoom");
                if (zoom == Matches.INDIVIDUAL_ZOOM) {
                    venues.add(venue(rs));
                    Timestamp change = rs.getTimestamp("first_change");
                    if (change != null && change.toInstant().isBefore(validUntil[0])) {
                        validUntil[0] = change.toInstant();
                    }
                } else {
                    cells.get(zoom).add(cell(rs, zoom));
                }
            });
            return new Matches(venues, cells, now, validUntil[0], snapshot);
        });
    }

    private static MatchedVenue venue(ResultSet rs) throws SQLException {
        return new MatchedVenue(rs.getLong("venue_id"), rs.getDouble("lon"), rs.getDouble("lat"),
                Json.text(rs.getString("name")), rs.getString("town"), rs.getString("address"), rs.getInt("activities"),
                rs.getInt("sessions"));
    }

    private static Matches.Cell cell(ResultSet rs, int zoom) throws SQLException {
        return new Matches.Cell(zoom, rs.getLong("cx"), rs.getLong("cy"), rs.getInt("venues"), rs.getInt("activities"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getDouble("min_lon"), rs.getDouble("min_lat"),
                rs.getDouble("max_lon"), rs.getDouble("max_lat"), rs.getLong("venue_id"), Matches.INDIVIDUAL_ZOOM);
    }

    private synchronized Matches kept(MapQuery.Key key) {
        return answers.get(key);
    }

    private synchronized void keep(MapQuery.Key key, Matches matches) {
        outdatedSince.remove(key);
        Matches previous = answers.put(key, matches);
        rowsInMemory += matches.weight() - (previous == null ? 0 : previous.weight());
        Iterator<Map.Entry<MapQuery.Key, Matches>> oldest = answers.entrySet().iterator();
        while (rowsInMemory > MAX_ROWS_IN_MEMORY && oldest.hasNext()) {
            Map.Entry<MapQuery.Key, Matches> entry = oldest.next();
            if (entry.getKey().equals(key)) {
                continue;
            }
            rowsInMemory -= entry.getValue().weight();
            oldest.remove();
        }
    }

    /**
     * Forgets changes that every answer still kept here could already see: those committed before
     * a snapshot taken longer ago than any kept answer may live. Another node's answers are
     * younger than {@link #MAX_AGE} too, so the rows they need are never the ones removed.
     */
    private void compactChangeLog(Instant now) {
        String older;
        synchronized (this) {
            if (compactionSnapshotAt.plus(COMPACT_EVERY).isAfter(now)) {
                return;
            }
            older = compactionSnapshot;
            compactionSnapshot = jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single();
            compactionSnapshotAt = now;
        }
        if (older != null) {
            jdbc.sql("DELETE FROM map_catalogue_change WHERE xid < pg_snapshot_xmin(CAST(:snapshot AS pg_snapshot))")
                    .param("snapshot", older)
                    .update();
        }
    }
}
