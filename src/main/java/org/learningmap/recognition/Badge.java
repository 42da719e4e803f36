package org.learningmap.recognition;

import java.time.Instant;
import java.util.List;
import org.learningmap.shared.LocalizedText;

/** What an organisation recognises, and how. */
public record Badge(long id, long siteId, long organisationId, BadgeSource source, Long sourceId, LocalizedText name,
                    LocalizedText description, LocalizedText criteria, List<String> tags, List<Alignment> alignments,
                    Integer validityDays, Integer attendancePercent, Instant updatedAt) {
}
