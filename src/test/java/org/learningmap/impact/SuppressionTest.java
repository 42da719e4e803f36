package org.learningmap.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which cells of a breakdown are hidden so that no count under 5 can be read or worked out. */
class SuppressionTest {

    @Test
    void aCountUnderFiveIsHiddenAndZeroIsShown() {
        assertThat(Figure.of(4).suppressed()).isTrue();
        assertThat(Figure.of(4).value()).isNull();
        assertThat(Figure.of(4).text()).isEqualTo("<5");
        assertThat(Figure.of(1).suppressed()).isTrue();
        assertThat(Figure.of(5).text()).isEqualTo("5");
        assertThat(Figure.of(0).suppressed()).as("nobody is singled out by none").isFalse();
    }

    @Test
    void oneHiddenCellTakesTheSmallestOtherWithIt() {
        List<Figure> cells = Reports.protect(List.of(20L, 3L, 8L, 0L));
        assertThat(cells).extracting(Figure::suppressed).containsExactly(false, true, true, false);
    }

    @Test
    void hiddenCellsTogetherUnderFiveTakeAnotherOne() {
        List<Figure> cells = Reports.protect(List.of(1L, 2L, 30L, 6L));
        assertThat(cells).extracting(Figure::suppressed).containsExactly(true, true, false, true);
    }

    @Test
    void hiddenCellsTogetherFiveOrMoreAreEnough() {
        List<Figure> cells = Reports.protect(List.of(3L, 4L, 30L, 6L));
        assertThat(cells).extracting(Figure::suppressed).containsExactly(true, true, false, false);
    }
}
