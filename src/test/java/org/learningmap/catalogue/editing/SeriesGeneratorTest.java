package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesGeneratorTest {

    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");

    @Test
    void aWeeklyClassKeepsItsLocalTimeWhenTheClocksGoBackInAutumn() {
        // Summer time in Lithuania ends on Sunday 25 October 2026 (UTC+3 → UTC+2).
        SeriesRule rule = weekly(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalDate.of(2026, 10, 13), null, 8);

        List<SeriesGenerator.Occurrence> sessions = SeriesGenerator.generate(rule, VILNIUS);

        assertThat(sessions).hasSize(8);
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.start().atZone(VILNIUS).toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(s.end()).isEqualTo(s.start().plusSeconds(90 * 60));
        });
        assertThat(sessions).extracting(s -> s.start().atZone(VILNIUS).toLocalDate()).containsExactly(
                LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 22),
                LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5));
        assertThat(sessions.get(3).start()).isEqualTo(Instant.parse("2026-10-22T15:00:00Z"));
        assertThat(sessions.get(4).start()).isEqualTo(Instant.parse("2026-10-27T16:00:00Z"));
    }

    @Test
    void aWeeklyClassKeepsItsLocalTimeWhenTheClocksGoForwardInSpring() {
        // Summer time starts on Sunday 28 March 2027 (UTC+2 → UTC+3).
        SeriesRule rule = weekly(Set.of(DayOfWeek.SATURDAY), LocalDate.of(2027, 3, 20), null, 3);

        List<SeriesGenerator.Occurrence> sessions = SeriesGenerator.generate(rule, VILNIUS);

        assertThat(sessions).extracting(SeriesGenerator.Occurrence::start).containsExactly(
                Instant.parse("2027-03-20T16:00:00Z"), Instant.parse("2027-03-27T16:00:00Z"), Instant.parse("2027-04-03T15:00:00Z"));
    }

    @Test
    void aStartInTheSpringGapMovesLaterByTheGap() {
        SeriesRule rule = new SeriesRule(SeriesRule.Frequency.DAILY, 1, Set.of(), LocalDate.of(2027, 3, 27), null, 3,
                LocalTime.of(3, 30), 60);

        List<SeriesGenerator.Occurrence> sessions = SeriesGenerator.generate(rule, VILNIUS);

        assertThat(sessions).extracting(s -> s.start().atZone(VILNIUS).toLocalDateTime()).containsExactly(
                LocalDateTime.of(2027, 3, 27, 3, 30), LocalDateTime.of(2027, 3, 28, 4, 30), LocalDateTime.of(2027, 3, 29, 3, 30));
    }

    @Test
    void theCountEndsTheSeries() {
        SeriesRule rule = weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalDate.of(2026, 12, 2), null, 4);

        assertThat(SeriesGenerator.generate(rule, VILNIUS)).extracting(s -> s.start().atZone(VILNIUS).toLocalDate())
                .containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 9));
    }

    @Test
    void theLastDayIsIncludedAndNothingAfterIt() {
        SeriesRule rule = weekly(Set.of(DayOfWeek.TUESDAY), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), null);

        assertThat(SeriesGenerator.generate(rule, VILNIUS)).extracting(s -> s.start().atZone(VILNIUS).toLocalDate())
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15));
    }

    @Test
    void everyOtherWeekAndEveryThreeDays() {
        SeriesRule fortnightly = new SeriesRule(SeriesRule.Frequency.WEEKLY, 2, Set.of(DayOfWeek.WEDNESDAY), LocalDate.of(2026, 12, 2),
                null, 3, LocalTime.of(10, 0), 60);
        assertThat(SeriesGenerator.generate(fortnightly, VILNIUS)).extracting(s -> s.start().atZone(VILNIUS).toLocalDate())
                .containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 16), LocalDate.of(2026, 12, 30));

        SeriesRule everyThreeDays = new SeriesRule(SeriesRule.Frequency.DAILY, 3, Set.of(), LocalDate.of(2026, 12, 30),
                LocalDate.of(2027, 1, 5), null, LocalTime.of(10, 0), 60);
        assertThat(SeriesGenerator.generate(everyThreeDays, VILNIUS)).extracting(s -> s.start().atZone(VILNIUS).toLocalDate())
                .containsExactly(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 5));
    }

    @Test
    void moreThanAHundredSessionsOrNoneAtAllAreRefused() {
        SeriesRule daily = new SeriesRule(SeriesRule.Frequency.DAILY, 1, Set.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 6, 1),
                null, LocalTime.of(10, 0), 60);
        assertThatThrownBy(() -> SeriesGenerator.generate(daily, VILNIUS))
                .isInstanceOfSatisfying(SeriesGenerator.TooManyOrNone.class, e -> assertThat(e.problem().key()).isEqualTo("series.too-many"));

        SeriesRule exactlyHundred = new SeriesRule(SeriesRule.Frequency.DAILY, 1, Set.of(), LocalDate.of(2026, 12, 1), null, 100,
                LocalTime.of(10, 0), 60);
        assertThat(SeriesGenerator.generate(exactlyHundred, VILNIUS)).hasSize(100);

        SeriesRule noTuesday = weekly(Set.of(DayOfWeek.TUESDAY), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 7), null);
        assertThatThrownBy(() -> SeriesGenerator.generate(noTuesday, VILNIUS))
                .isInstanceOfSatisfying(SeriesGenerator.TooManyOrNone.class, e -> assertThat(e.problem().key()).isEqualTo("series.no-dates"));
    }

    @Test
    void aRuleWithoutDaysOrEndOrWithTooLargeACountNamesItsFields() {
        SeriesRule rule = new SeriesRule(SeriesRule.Frequency.WEEKLY, 1, Set.of(), LocalDate.of(2026, 12, 2), null, null,
                LocalTime.of(10, 0), 60);
        assertThat(rule.problems()).extracting(FieldProblem::field, FieldProblem::key)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("days", "series.days-required"),
                        org.assertj.core.groups.Tuple.tuple("count", "series.end-required"));
        assertThat(weekly(Set.of(DayOfWeek.MONDAY), LocalDate.of(2026, 12, 2), null, 101).problems())
                .extracting(FieldProblem::key).containsExactly("editing.error.range");
        assertThat(weekly(Set.of(DayOfWeek.MONDAY), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1), null).problems())
                .extracting(FieldProblem::key).containsExactly("series.until-before-from");
    }

    @Test
    void theRuleIsStoredInRruleForm() {
        assertThat(weekly(Set.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY), LocalDate.of(2026, 12, 1), null, 8).toRRule(VILNIUS))
                .isEqualTo("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8");
        assertThat(new SeriesRule(SeriesRule.Frequency.DAILY, 3, Set.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), null,
                LocalTime.of(10, 0), 60).toRRule(VILNIUS)).isEqualTo("FREQ=DAILY;INTERVAL=3;UNTIL=20261231T215959Z");
    }

    private static SeriesRule weekly(Set<DayOfWeek> days, LocalDate from, LocalDate until, Integer count) {
        return new SeriesRule(SeriesRule.Frequency.WEEKLY, 1, days, from, until, count, LocalTime.of(18, 0), 90);
    }
}
