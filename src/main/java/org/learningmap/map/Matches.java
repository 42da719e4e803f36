package org.learningmap.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The venues of one search on one site at one moment, with their grid clusters at every zoom
 * below {@link #INDIVIDUAL_ZOOM}. The clusters of a zoom snap venues to square cells of
 * {@link #CELL_PIXELS} screen pixels in Web-Mercator; a cell at zoom z holds exactly the four
 * cells below it at z + 1, which is how a cluster knows the zoom at which it falls apart.
 *
 * It was computed at {@link #computedAt()} and holds until {@link #validUntil()}, the first moment
 * one of the counted activities has no upcoming session at its venue any more, unless the data
 * changes: {@link #snapshot()} is the database snapshot the search saw, to tell whether it did.
 */
final class Matches {

    static final int INDIVIDUAL_ZOOM = 14;
    static final int MAX_ZOOM = 20;
    static final double CELL_PIXELS = 60;

    /**
     * Venues snapped to one grid cell at one zoom.
     *
     * @param lon           the centroid of its venues
     * @param venueId       one of its venues: the venue, when it holds only one
     * @param expansionZoom the first zoom at which its venues are no longer all in one cluster
     */
    record Cell(int zoom, long cx, long cy, int venues, int activities, double lon, double lat, double minLon,
                double minLat, double maxLon, double maxLat, long venueId, int expansionZoom) {

        Cell withExpansionZoom(int zoom) {
            return new Cell(this.zoom, cx, cy, venues, activities, lon, lat, minLon, minLat, maxLon, maxLat, venueId, zoom);
        }

        long key() {
            return key(cx, cy);
        }

        static long key(long cx, long cy) {
            return (cx << 32) | cy;
        }
    }

    /** What the map draws: a cluster of venues, or one venue. */
    record Cluster(double lon, double lat, int venues, int activities, int expansionZoom, BoundingBox bounds,
                   MatchedVenue venue) {
    }

    private final List<MatchedVenue> venues;
    private final Map<Long, MatchedVenue> venuesById;
    private final List<List<Cell>> cells;
    private final Instant computedAt;
    private final Instant validUntil;
    private final String snapshot;

    Matches(List<MatchedVenue> venues, List<List<Cell>> cells, Instant computedAt, Instant validUntil, String snapshot) {
        this.venues = List.copyOf(venues);
        this.venuesById = venues.stream().collect(Collectors.toUnmodifiableMap(MatchedVenue::id, Function.identity()));
        this.cells = withExpansionZooms(cells);
        this.computedAt = computedAt;
        this.validUntil = validUntil;
        this.snapshot = snapshot;
    }

    List<MatchedVenue> venues() {
        return venues;
    }

    Instant computedAt() {
        return computedAt;
    }

    Instant validUntil() {
        return validUntil;
    }

    String snapshot() {
        return snapshot;
    }

    static Matches none(Instant now) {
        return new Matches(List.of(), emptyLevels(), now, Instant.MAX, null);
    }

    static List<List<Cell>> emptyLevels() {
        List<List<Cell>> levels = new ArrayList<>();
        for (int zoom = 0; zoom < INDIVIDUAL_ZOOM; zoom++) {
            levels.add(List.of());
        }
        return levels;
    }

    /** True while the search would still give this answer, as far as time alone is concerned. */
    boolean currentAt(Instant now) {
        return !now.isBefore(computedAt) && now.isBefore(validUntil);
    }

    int activities() {
        return venues.stream().mapToInt(MatchedVenue::activities).sum();
    }

    /** How much memory the answer takes, in rows. */
    int weight() {
        return venues.size() + cells.stream().mapToInt(List::size).sum();
    }

    /**
     * The clusters to draw in a viewport at a zoom: every cluster whose venues reach into the box
     * (with the count of all its venues, so a cluster does not change while the map is panned),
     * or from {@link #INDIVIDUAL_ZOOM} on, each venue inside the box.
     */
    List<Cluster> clusters(BoundingBox box, int zoom) {
        List<Cluster> clusters = new ArrayList<>();
        if (zoom >= INDIVIDUAL_ZOOM) {
            for (MatchedVenue venue : venues) {
                if (box.contains(venue.lon(), venue.lat())) {
                    clusters.add(single(venue));
                }
            }
            return clusters;
        }
        for (Cell cell : cells.get(zoom)) {
            if (!box.intersects(cell.minLon(), cell.minLat(), cell.maxLon(), cell.maxLat())) {
                continue;
            }
            if (cell.venues() == 1) {
                clusters.add(single(venuesById.get(cell.venueId())));
            } else {
                clusters.add(new Cluster(cell.lon(), cell.lat(), cell.venues(), cell.activities(), cell.expansionZoom(),
                        new BoundingBox(cell.minLon(), cell.minLat(), cell.maxLon(), cell.maxLat()), null));
            }
        }
        return clusters;
    }

    private static Cluster single(MatchedVenue venue) {
        return new Cluster(venue.lon(), venue.lat(), 1, venue.activities(), INDIVIDUAL_ZOOM, null, venue);
    }

    /** Fills in each cluster's expansion zoom, from the finest grid up. */
    private static List<List<Cell>> withExpansionZooms(List<List<Cell>> levels) {
        List<List<Cell>> result = new ArrayList<>(emptyLevels());
        Map<Long, List<Cell>> children = Map.of();
        for (int zoom = INDIVIDUAL_ZOOM - 1; zoom >= 0; zoom--) {
            List<Cell> done = new ArrayList<>();
            Map<Long, List<Cell>> byParent = new HashMap<>();
            for (Cell cell : levels.get(zoom)) {
                int expansion = INDIVIDUAL_ZOOM;
                List<Cell> below = children.getOrDefault(cell.key(), List.of());
                if (below.size() > 1) {
                    expansion = zoom + 1;
                } else if (below.size() == 1) {
                    expansion = below.getFirst().expansionZoom();
                }
                Cell complete = cell.withExpansionZoom(expansion);
                done.add(complete);
                byParent.computeIfAbsent(Cell.key(cell.cx() >> 1, cell.cy() >> 1), k -> new ArrayList<>()).add(complete);
            }
            result.set(zoom, List.copyOf(done));
            children = byParent;
        }
        return List.copyOf(result);
    }
}
