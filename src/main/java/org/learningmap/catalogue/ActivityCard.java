package org.learningmap.catalogue;

import java.time.Instant;
import java.util.List;
import org.learningmap.shared.LocalizedText;

/**
 * An activity as a search result or a list item: what it is, who offers it, and when and where it
 * next takes place.
 *
 * @param next             the next upcoming session meeting the search's conditions; empty for a
 *                         self-study course without sessions
 * @param upcomingSessions how many scheduled sessions have not yet ended
 * @param distanceKm       distance of the nearest venue with a matching session, when a point was given
 */
public record ActivityCard(long id, LocalizedText title, LocalizedText summary, LocalizedText easyRead,
                           ActivityKind kind, long organisationId, LocalizedText organisationName,
                           NextSession next, int upcomingSessions, int priceCents, String currency,
                           boolean voucherEligible, List<Audience> audiences, Integer minAge, Integer maxAge,
                           List<String> languages, List<Topic> topics, Double distanceKm) {

    public ActivityCard {
        audiences = List.copyOf(audiences);
        languages = List.copyOf(languages);
        topics = List.copyOf(topics);
    }

    public boolean free() {
        return priceCents == 0;
    }

    /** The price as a decimal amount, e.g. 12.50. */
    public java.math.BigDecimal price() {
        return java.math.BigDecimal.valueOf(priceCents, 2);
    }

    /** A session of the activity: at a venue (name and town) or online. */
    public record NextSession(long id, Instant startsAt, Instant endsAt, Long venueId, LocalizedText venueName,
                              String town) {

        public boolean online() {
            return venueId == null;
        }
    }
}
