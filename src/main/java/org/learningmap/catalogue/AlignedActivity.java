package org.learningmap.catalogue;

import java.time.Instant;
import java.util.List;
import org.learningmap.shared.LocalizedText;

/**
 * A published activity that develops some of the DigComp competences asked about, with its next
 * session near the point asked about or online.
 *
 * @param nextStartsAt when the next such session starts; {@code null} for an online self-study course without sessions
 * @param town         the town of that session's venue; {@code null} online
 * @param distanceKm   how far that venue is from the point; {@code null} online
 */
public record AlignedActivity(long id, LocalizedText title, ActivityKind kind, List<String> digcomp, Instant nextStartsAt,
                              LocalizedText venueName, String town, boolean online, Double distanceKm) {

    public AlignedActivity {
        digcomp = List.copyOf(digcomp);
    }
}
