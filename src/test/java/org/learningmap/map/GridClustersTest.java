package org.learningmap.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.shared.LocalizedText;

/** How the clusters of one answer are read out for a viewport, and what a bounding box accepts. */
class GridClustersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aClusterSplitsAtItsExpansionZoomAndSingleVenuesAreShownAsVenues() {
        MatchedVenue a = venue(1, 23.90, 54.91);
        MatchedVenue b = venue(2, 23.91, 54.92);
        MatchedVenue c = venue(3, 25.28, 54.69);
        List<List<Matches.Cell>> levels = new ArrayList<>();
        // At zoom 13 a, b and c lie in cells (200, 400), (202, 400) and (1000, 1000); each zoom out halves the indices,
        // so a and b share a cell up to zoom 11 and part at 12, and c is alone everywhere.
        for (int zoom = 0; zoom < Matches.INDIVIDUAL_ZOOM; zoom++) {
            int shift = Matches.INDIVIDUAL_ZOOM - 1 - zoom;
            List<Matches.Cell> cells = new ArrayList<>();
            if (zoom < 12) {
                cells.add(cell(zoom, 200L >> shift, 400L >> shift, 2, 5, 23.905, 54.915, 23.90, 54.91, 23.91, 54.92, 1));
            } else {
                cells.add(cell(zoom, 200L >> shift, 400L >> shift, 1, 2, 23.90, 54.91, 23.90, 54.91, 23.90, 54.91, 1));
                cells.add(cell(zoom, 202L >> shift, 400L >> shift, 1, 3, 23.91, 54.92, 23.91, 54.92, 23.91, 54.92, 2));
            }
            cells.add(cell(zoom, 1000L >> shift, 1000L >> shift, 1, 1, 25.28, 54.69, 25.28, 54.69, 25.28, 54.69, 3));
            levels.add(cells);
        }
        Matches matches = new Matches(List.of(a, b, c), levels, NOW, NOW.plusSeconds(60), "1:1:");
        BoundingBox lithuania = new BoundingBox(20, 53, 27, 57);

        List<Matches.Cluster> at7 = matches.clusters(lithuania, 7);
        assertThat(at7).hasSize(2);
        Matches.Cluster pair = at7.stream().filter(cluster -> cluster.venues() == 2).findFirst().orElseThrow();
        assertThat(pair.venue()).isNull();
        assertThat(pair.activities()).isEqualTo(5);
        assertThat(pair.expansionZoom()).isEqualTo(12);
        assertThat(pair.bounds()).isEqualTo(new BoundingBox(23.90, 54.91, 23.91, 54.92));
        Matches.Cluster alone = at7.stream().filter(cluster -> cluster.venues() == 1).findFirst().orElseThrow();
        assertThat(alone.venue()).isEqualTo(c);

        assertThat(matches.clusters(lithuania, 12)).hasSize(3).allSatisfy(cluster -> assertThat(cluster.venue()).isNotNull());
        assertThat(matches.clusters(lithuania, 16)).extracting(Matches.Cluster::venue).containsExactlyInAnyOrder(a, b, c);
        assertThat(matches.clusters(new BoundingBox(25, 54, 26, 55), 16)).extracting(Matches.Cluster::venue).containsExactly(c);
    }

    @Test
    void anAnswerIsCurrentOnlyBetweenItsComputationAndTheFirstEndOfWhatItCounted() {
        Matches matches = new Matches(List.of(), Matches.emptyLevels(), NOW, NOW.plusSeconds(60), "1:1:");
        assertThat(matches.currentAt(NOW)).isTrue();
        assertThat(matches.currentAt(NOW.plusSeconds(59))).isTrue();
        assertThat(matches.currentAt(NOW.plusSeconds(60))).isFalse();
        assertThat(matches.currentAt(NOW.minusSeconds(1))).isFalse();
    }

    @Test
    void aBoundingBoxIsFourNumbersInRangeWithMinimaBelowMaxima() {
        assertThat(BoundingBox.parse("20.9,53.8,26.9,56.5")).contains(new BoundingBox(20.9, 53.8, 26.9, 56.5));
        assertThat(BoundingBox.parse(" -180 , -90 , 180 , 90 ")).isPresent();
        assertThat(BoundingBox.parse(null)).isEmpty();
        assertThat(BoundingBox.parse("1,2,3")).isEmpty();
        assertThat(BoundingBox.parse("1,2,3,4,5")).isEmpty();
        assertThat(BoundingBox.parse("a,2,3,4")).isEmpty();
        assertThat(BoundingBox.parse("-181,0,10,10")).isEmpty();
        assertThat(BoundingBox.parse("0,-91,10,10")).isEmpty();
        assertThat(BoundingBox.parse("10,0,5,10")).as("west of east").isEmpty();
        assertThat(BoundingBox.parse("0,10,5,10")).as("south below north").isEmpty();
        assertThat(BoundingBox.parse("NaN,0,5,10")).isEmpty();
        assertThat(BoundingBox.parse("0,0,Infinity,10")).isEmpty();
    }

    private static MatchedVenue venue(long id, double lon, double lat) {
        return new MatchedVenue(id, lon, lat, LocalizedText.of("en", "Venue " + id), "Town", "Street " + id, 1, 2);
    }

    private static Matches.Cell cell(int zoom, long cx, long cy, int venues, int activities, double lon, double lat,
                                     double minLon, double minLat, double maxLon, double maxLat, long venueId) {
        return new Matches.Cell(zoom, cx, cy, venues, activities, lon, lat, minLon, minLat, maxLon, maxLat, venueId,
                Matches.INDIVIDUAL_ZOOM);
    }
}
