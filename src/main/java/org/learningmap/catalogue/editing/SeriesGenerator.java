package org.learningmap.catalogue.editing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SeriesRule} into session times. Each session starts at the rule's wall-clock time
 * in the site's zone, so a Tuesday 18:00 class stays at 18:00 after the clocks change; a start
 * that falls in a spring-forward gap moves later by the gap, and one in an autumn overlap takes
 * the earlier offset (java.time's rules for {@code ZonedDateTime.of}). A session lasts exactly its
 * duration in real time.
 */
final class SeriesGenerator {

    /** One generated session. */
    record Occurrence(Instant start, Instant end) {
    }

    /** The rule made more than {@link SeriesRule#MAX_SESSIONS} sessions, or none. */
    static final class TooManyOrNone extends RuntimeException {
        private final transient FieldProblem problem;

        TooManyOrNone(FieldProblem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }

        FieldProblem problem() {
            return problem;
        }
    }

    private SeriesGenerator() {
    }

    /**
     * The sessions of a valid rule, in order.
     *
     * @throws TooManyOrNone when the rule yields no session or more than the allowed maximum
     */
    static List<Occurrence> generate(SeriesRule rule, ZoneId zone) {
        List<Occurrence> occurrences = new ArrayList<>();
        int wanted = rule.count() == null ? SeriesRule.MAX_SESSIONS + 1 : rule.count();
        for (LocalDate day : days(rule, wanted)) {
            ZonedDateTime start = ZonedDateTime.of(day, rule.startTime(), zone);
            occurrences.add(new Occurrence(start.toInstant(), start.toInstant().plus(rule.durationMinutes(), ChronoUnit.MINUTES)));
        }
        if (occurrences.isEmpty()) {
            throw new TooManyOrNone(FieldProblem.of("from", "series.no-dates"));
        }
        if (occurrences.size() > SeriesRule.MAX_SESSIONS) {
            throw new TooManyOrNone(FieldProblem.of("until", "series.too-many", SeriesRule.MAX_SESSIONS));
        }
        return occurrences;
    }

    /** The days of the series, at most {@code limit}, stopping after the rule's last day. */
    private static List<LocalDate> days(SeriesRule rule, int limit) {
        List<LocalDate> days = new ArrayList<>();
        if (rule.frequency() == SeriesRule.Frequency.DAILY) {
            for (LocalDate day = rule.from(); days.size() < limit && within(rule, day); day = day.plusDays(rule.interval())) {
                days.add(day);
            }
            return days;
        }
        // Weeks start on Monday (RFC 5545's default WKST=MO); every interval-th week counts from the first.
        LocalDate week = rule.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (days.size() < limit && within(rule, week)) {
            for (DayOfWeek weekday : DayOfWeek.values()) {
                LocalDate day = week.with(TemporalAdjusters.nextOrSame(weekday));
                if (rule.days().contains(weekday) && !day.isBefore(rule.from()) && within(rule, day) && days.size() < limit) {
                    days.add(day);
                }
            }
            week = week.plusWeeks(rule.interval());
        }
        return days;
    }

    private static boolean within(SeriesRule rule, LocalDate day) {
        // Without an end date a count ends the series; the horizon stops an impossible rule from looping for ever.
        LocalDate last = rule.until() != null ? rule.until() : rule.from().plusYears(10);
        return !day.isAfter(last);
    }
}
