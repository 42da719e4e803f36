package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.util.List;
import java.util.Map;

/** The organisation profile as entered on the application and profile pages. */
record OrganisationForm(String kind, Map<String, String> name, Map<String, String> description, String email, String phone,
                        String website) {

    static OrganisationForm empty() {
        return new OrganisationForm(null, Map.of(), Map.of(), null, null, null);
    }

    static OrganisationForm of(Organisation organisation) {
        return new OrganisationForm(organisation.kind().name(), organisation.name().values(),
                organisation.description().values(), organisation.email(), organisation.phone(), organisation.website());
    }

    OrganisationForm {
        name = name == null ? Map.of() : name;
        description = description == null ? Map.of() : description;
    }

    /** The profile in the site's languages, with every problem noted in {@code errors}. */
    OrganisationProfile check(List<String> languages, FieldErrors errors) {
        OrganisationKind checkedKind = InputChecks.choice(kind, OrganisationKind.class, "kind", errors);
        var checkedName = InputChecks.translations(name, languages, "name", InputChecks.NAME_MAX, "organisation.error.name-required", errors);
        var checkedDescription = InputChecks.translations(description, languages, "description", InputChecks.DESCRIPTION_MAX, null, errors);
        String checkedEmail = InputChecks.email(email, "email", true, errors);
        String checkedPhone = InputChecks.phone(phone, "phone", errors);
        String checkedWebsite = InputChecks.website(website, "website", errors);
        return new OrganisationProfile(checkedKind, checkedName, checkedDescription, checkedEmail, checkedPhone, checkedWebsite);
    }
}
