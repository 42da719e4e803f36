package org.learningmap.organisations;

import org.learningmap.shared.LocalizedText;

/** What an organisation tells about itself in public, for other modules (an issuer profile, for example). */
public record OrganisationFacts(long id, long siteId, String slug, LocalizedText name, LocalizedText description, String email,
                                String website, String colour, boolean approved) {
}
