package org.learningmap.impact;

import java.util.List;

/**
 * Everything a dashboard, its CSV, its JSON and the API show for one filter: the same figures, with the
 * same suppression, whichever way they are read.
 *
 * @param population         the people living in the areas looked at (0 when unknown)
 * @param populationShare    unique learners per 100 inhabitants, {@code null} when suppressed or unknown
 * @param skillsBefore       the mean self-rating (0–10) before, {@code null} when fewer than 5 answered
 */
public record Figures(ImpactFilter filter, Figure sessionsHeld, Figure enrolments, Figure attendances, Figure uniqueLearners,
               long population, Double populationShare, Figure badges, Figure volunteerHours, Figure helps,
               Figure ratingsBefore, Double skillsBefore, Figure ratingsAfter, Double skillsAfter,
               List<MonthRow> months, List<AreaRow> areas) {

    /** Attendances and sessions held in one month ({@code 2026-05}). */
    public record MonthRow(String month, Figure attendances, Figure sessionsHeld) {
    }

    /** One area's attendances, unique learners and reach; {@code areaId} 0 is online or without a known area. */
    public record AreaRow(long areaId, Figure attendances, Figure uniqueLearners, long population, Double populationShare) {
    }

    public boolean populationShareSuppressed() {
        return populationShare == null && population > 0 && uniqueLearners.suppressed();
    }
}
