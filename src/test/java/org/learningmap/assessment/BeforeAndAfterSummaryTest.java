package org.learningmap.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningmap.shared.LocalizedText;

/** The before/after summary counts, per competence and in all, the ratings below 5. */
class BeforeAndAfterSummaryTest {

    static final Ratings.Rating RATING = new Ratings.Rating(1, 1, 1, 1, null, LocalizedText.of("en", "Scams"), List.of("4.1", "4.2"),
            "ABCD-EFGH", Instant.EPOCH);

    @Test
    void sharesBelowFiveAndAveragesPerCompetenceAndInAll() {
        var tallies = Ratings.tallies(RATING, List.of(Map.of("4.1", 2, "4.2", 5), Map.of("4.1", 4, "4.2", 9), Map.of("4.1", 10, "4.2", 0)));
        assertThat(tallies.get("4.1")).isEqualTo(new Ratings.Tally(3, 2, 16 / 3.0));
        assertThat(tallies.get("4.1").percentBelow()).isEqualTo(67);
        assertThat(tallies.get("4.2").percentBelow()).as("5 is not below 5").isEqualTo(33);
        assertThat(tallies.get("all").percentBelow()).isEqualTo(50);
        assertThat(tallies.get("all").meanText()).isEqualTo("5.0");
    }

    @Test
    void noAnswersYetIsZeroNotAnError() {
        var tallies = Ratings.tallies(RATING, List.of());
        assertThat(tallies.get("all").answers()).isZero();
        assertThat(tallies.get("all").percentBelow()).isZero();
    }
}
