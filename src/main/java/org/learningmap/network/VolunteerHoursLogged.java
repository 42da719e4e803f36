package org.learningmap.network;

import java.time.Instant;

/**
 * Volunteer time that counts: logged from a session the volunteer helped at, or entered by hand and
 * approved by staff (published on approval).
 *
 * @param source  {@code SESSION}, {@code SHIFT} or {@code MANUAL}
 * @param minutes the time added by this entry
 */
public record VolunteerHoursLogged(long entryId, long siteId, long organisationId, long volunteerAccountId,
                                   int minutes, String source, Instant at) {
}
