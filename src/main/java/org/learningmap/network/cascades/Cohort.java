package org.learningmap.network.cascades;

import java.time.LocalDate;
import java.util.List;

/**
 * A training cohort: who trained it and who took part.
 *
 * @param citizensReached people taught outside the platform, entered as a count (nobody is named)
 */
public record Cohort(long id, long siteId, long organisationId, String name, CascadeLevel level, String topic,
                     LocalDate startsOn, LocalDate endsOn, int citizensReached, List<Long> trainers, List<Long> participants) {

    public Cohort {
        trainers = List.copyOf(trainers);
        participants = List.copyOf(participants);
    }
}
