package org.learningmap.network.cascades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reach is counted in unique people downstream; a cascade never loops back on itself. */
class CascadeGraphTest {

    // People: 1 trainer; 2, 3 hub coordinators; 4, 5, 6 educators.
    private static Cohort cohort(long id, List<Long> trainers, List<Long> participants, int citizens) {
        return new Cohort(id, 1, 1, "Cohort " + id, CascadeLevel.EDUCATOR, null, LocalDate.of(2026, 3, (int) id),
                LocalDate.of(2026, 3, (int) id), citizens, trainers, participants);
    }

    @Test
    void aTrainerReachesEveryoneDownstreamOnceEvenWhenSomeoneWasTrainedTwiceByTwoTrainers() {
        CascadeGraph graph = new CascadeGraph(List.of(
                cohort(1, List.of(1L), List.of(2L, 3L), 0),
                cohort(2, List.of(2L), List.of(4L, 5L), 0),
                // 5 is trained again, by another coordinator: still one person.
                cohort(3, List.of(3L), List.of(5L, 6L), 0),
                cohort(4, List.of(5L), List.of(), 40),
                cohort(5, List.of(6L), List.of(), 10)));

        assertThat(graph.reach(1)).isEqualTo(new CascadeGraph.Reach(5, 50));
        assertThat(graph.reach(1).total()).isEqualTo(55);
        assertThat(graph.reach(2)).isEqualTo(new CascadeGraph.Reach(2, 40));
        assertThat(graph.reach(3)).isEqualTo(new CascadeGraph.Reach(2, 50));
        assertThat(graph.reach(5)).isEqualTo(new CascadeGraph.Reach(0, 40));
        assertThat(graph.total()).isEqualTo(new CascadeGraph.Reach(5, 50));
        assertThat(graph.roots()).containsExactly(1L);
    }

    @Test
    void aCohortWithTwoTrainersIsCountedOnceForAnyoneAboveBoth() {
        CascadeGraph graph = new CascadeGraph(List.of(
                cohort(1, List.of(1L), List.of(2L, 3L), 0),
                cohort(2, List.of(2L, 3L), List.of(4L), 25)));

        assertThat(graph.reach(1)).isEqualTo(new CascadeGraph.Reach(3, 25));
    }

    @Test
    void someoneCannotBeTrainedByAPersonTheyTrainedDirectlyOrFurtherDown() {
        List<Cohort> existing = List.of(
                cohort(1, List.of(1L), List.of(2L), 0),
                cohort(2, List.of(2L), List.of(4L), 0));

        assertThat(CascadeGraph.cycleIn(existing, cohort(3, List.of(4L), List.of(1L), 0))).contains(1L);
        assertThat(CascadeGraph.cycleIn(existing, cohort(3, List.of(2L), List.of(1L), 0))).isPresent();
        assertThat(CascadeGraph.cycleIn(existing, cohort(3, List.of(7L), List.of(7L), 0))).contains(7L);
        assertThat(CascadeGraph.cycleIn(existing, cohort(3, List.of(4L), List.of(8L, 2L), 0))).isPresent();
        // Training someone already trained elsewhere is fine: no loop.
        assertThat(CascadeGraph.cycleIn(existing, cohort(3, List.of(1L), List.of(4L), 0))).isEmpty();
    }

    @Test
    void theTreeShowsSomeoneTrainedTwiceUnderBothTrainersButSpellsOutTheirCohortsOnce() {
        CascadeGraph graph = new CascadeGraph(List.of(
                cohort(1, List.of(1L), List.of(2L, 3L), 0),
                cohort(2, List.of(2L), List.of(5L), 0),
                cohort(3, List.of(3L), List.of(5L), 0),
                cohort(4, List.of(5L), List.of(), 12)));
        Map<Long, CascadePerson> people = Map.of(1L, new CascadePerson(1, null, "Rūta"), 2L, new CascadePerson(2, null, "Aistė"),
                3L, new CascadePerson(3, null, "Laura"), 5L, new CascadePerson(5, null, "Paulius"));

        List<CascadeGraph.Node> tree = graph.tree(people);

        assertThat(tree).singleElement().satisfies(root -> assertThat(root.person().name()).isEqualTo("Rūta"));
        CascadeGraph.Node underAiste = tree.getFirst().cohorts().getFirst().participants().getFirst().cohorts().getFirst().participants().getFirst();
        CascadeGraph.Node underLaura = tree.getFirst().cohorts().getFirst().participants().get(1).cohorts().getFirst().participants().getFirst();
        assertThat(underAiste.person().name()).isEqualTo("Paulius");
        assertThat(underAiste.shownAbove()).isFalse();
        assertThat(underAiste.cohorts()).hasSize(1);
        assertThat(underLaura.shownAbove()).isTrue();
        assertThat(underLaura.cohorts()).isEmpty();
        assertThat(CascadeCsv.of(tree).lines()).hasSize(1 + 5);
    }

    @Test
    void csvCellsCannotRunAsSpreadsheetFormulas() {
        assertThat(CascadeCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CascadeCsv.cell("Rūta")).isEqualTo("\"Rūta\"");
    }
}
