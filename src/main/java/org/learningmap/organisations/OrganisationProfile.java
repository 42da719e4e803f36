package org.learningmap.organisations;

import org.learningmap.shared.LocalizedText;

/** What an organisation says about itself: entered when applying and edited by its staff. */
record OrganisationProfile(OrganisationKind kind, LocalizedText name, LocalizedText description, String email, String phone,
                           String website) {
}
