package org.learningmap.network.cascades;

/**
 * A cohort as typed into the form. Trainers and participants are one person a line: an e-mail address
 * of an account ({@code Name <name@example.org>} or the address alone) or a name.
 */
public record CohortInput(String name, String level, String topic, String startsOn, String endsOn, String trainers,
                          String participants, String citizensReached) {

    public static CohortInput empty() {
        return new CohortInput("", "", "", "", "", "", "", "0");
    }
}
