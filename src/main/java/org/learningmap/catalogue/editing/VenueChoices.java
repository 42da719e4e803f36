package org.learningmap.catalogue.editing;

import java.util.Comparator;
import java.util.List;
import org.learningmap.organisations.Organisations;
import org.learningmap.shared.LocalizedText;
import org.springframework.stereotype.Component;

/** The venues an organisation may hold sessions at, as the organisations module knows them. */
@Component
class VenueChoices {

    /** A venue to choose for a session. */
    record Venue(long id, LocalizedText name, String town) {
    }

    private final Organisations organisations;

    VenueChoices(Organisations organisations) {
        this.organisations = organisations;
    }

    List<Venue> of(long organisationId) {
        return organisations.venuesOf(organisationId).stream()
                .map(venue -> new Venue(venue.id(), venue.name(), venue.town()))
                .sorted(Comparator.comparing(Venue::town).thenComparing(venue -> venue.name().in("en")).thenComparingLong(Venue::id))
                .toList();
    }

    boolean belongsTo(long venueId, long organisationId) {
        return organisations.venue(venueId).map(venue -> venue.organisationId() == organisationId).orElse(false);
    }
}
