package org.learningmap.network;

import java.time.Instant;

/**
 * A volunteer recorded that a booked 1:1 help slot took place.
 *
 * @param personAccountId the person helped, or {@code null} when they have no account
 * @param topic           the help topic's key, e.g. {@code e-government}
 */
public record HelpSessionHeld(long bookingId, long siteId, long organisationId, Long venueId, Long personAccountId,
                              long volunteerAccountId, String topic, String language, Instant at) {
}
