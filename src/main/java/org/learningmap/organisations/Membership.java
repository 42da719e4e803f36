package org.learningmap.organisations;

import org.learningmap.shared.LocalizedText;

/** An account's role in one organisation of a site. */
public record Membership(long organisationId, long siteId, LocalizedText organisationName, String status, StaffRole role) {
}
