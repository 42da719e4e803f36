package org.learningmap.catalogue.editing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A repeating series of sessions: weekly on chosen weekdays or every N days, from a date until a
 * date or for a number of sessions, each starting at the same wall-clock time in the site's zone.
 *
 * @param frequency weekly or daily
 * @param interval  every how many weeks (weekly) or days (daily), at least 1
 * @param days      the weekdays of a weekly series
 * @param from      the first day that may hold a session
 * @param until     the last day that may hold a session, or null when {@code count} ends the series
 * @param count     how many sessions, or null when {@code until} ends the series
 * @param startTime the local start time of every session
 * @param durationMinutes how long each session lasts
 */
record SeriesRule(Frequency frequency, int interval, Set<DayOfWeek> days, LocalDate from, LocalDate until,
                  Integer count, LocalTime startTime, int durationMinutes) {

    enum Frequency { WEEKLY, DAILY }

    /** More sessions than this in one series is almost always a typing mistake, and would flood the calendar. */
    static final int MAX_SESSIONS = 100;
    static final int MAX_INTERVAL = 52;
    static final int MIN_DURATION = 5;
    static final int MAX_DURATION = 24 * 60;

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    SeriesRule {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** The field problems of this rule, before any date is generated. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (frequency == null) {
            problems.add(FieldProblem.of("frequency", "validation.choose"));
        }
        if (interval < 1 || interval > MAX_INTERVAL) {
            problems.add(FieldProblem.of("interval", "editing.error.range", 1, MAX_INTERVAL));
        }
        if (frequency == Frequency.WEEKLY && days.isEmpty()) {
            problems.add(FieldProblem.of("days", "series.days-required"));
        }
        if (from == null) {
            problems.add(FieldProblem.of("from", "validation.required"));
        }
        if (until == null && count == null) {
            problems.add(FieldProblem.of("count", "series.end-required"));
        }
        if (count != null && (count < 1 || count > MAX_SESSIONS)) {
            problems.add(FieldProblem.of("count", "editing.error.range", 1, MAX_SESSIONS));
        }
        if (until != null && from != null && until.isBefore(from)) {
            problems.add(FieldProblem.of("until", "series.until-before-from"));
        }
        if (startTime == null) {
            problems.add(FieldProblem.of("startTime", "validation.required"));
        }
        if (durationMinutes < MIN_DURATION || durationMinutes > MAX_DURATION) {
            problems.add(FieldProblem.of("durationMinutes", "editing.error.range", MIN_DURATION, MAX_DURATION));
        }
        return problems;
    }

    /**
     * The rule in RFC 5545 RRULE form, e.g. {@code FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8}. An UNTIL is the
     * end of the last day in the site's zone, written in UTC as the RFC requires with a zoned start.
     */
    String toRRule(ZoneId zone) {
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency.name());
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (frequency == Frequency.WEEKLY) {
            rule.append(";BYDAY=").append(days.stream().sorted()
                    .map(day -> day.name().substring(0, 2)).collect(Collectors.joining(",")));
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        } else {
            rule.append(";UNTIL=").append(UNTIL.format(until.atTime(LocalTime.MAX).atZone(zone)
                    .withZoneSameInstant(ZoneOffset.UTC).withNano(0)));
        }
        return rule.toString();
    }
}
