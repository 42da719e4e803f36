package org.learningmap.recognition;

import java.time.Instant;
import java.util.List;
import org.learningmap.shared.LocalizedText;

/**
 * A badge an organisation (its issuer) awards.
 *
 * @param sourceId          the activity or playlist, the milestone's hours; {@code null} for a custom badge
 * @param validityDays      how long an award stays valid, {@code null} for ever
 * @param attendancePercent the share of sessions held so far a person must attend to earn it
 *                          automatically; {@code null} for the default (80)
 */
public record Badge(long id, long siteId, long organisationId, BadgeSource source, Long sourceId, LocalizedText name,
                    LocalizedText description, LocalizedText criteria, List<String> tags, List<Alignment> alignments,
                    Integer validityDays, Integer attendancePercent, Instant updatedAt) {

    /** The attendance share used when a badge sets none. */
    public static final int DEFAULT_ATTENDANCE_PERCENT = 80;

    public Badge {
        tags = tags == null ? List.of() : List.copyOf(tags);
        alignments = alignments == null ? List.of() : List.copyOf(alignments);
    }

    /** The attendance share this badge asks for. */
    public int attendancePercentOrDefault() {
        return attendancePercent == null ? DEFAULT_ATTENDANCE_PERCENT : attendancePercent;
    }
}
