package org.learningmap.organisations;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Area;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors add and change their organisation's venues. A pending organisation may prepare venues;
 * they become public with the organisation's approval.
 */
@Service
class VenueDesk {

    private final OrganisationRepository organisations;
    private final VenueRepository venues;
    private final StaffPolicy policy;
    private final Sites sites;

    VenueDesk(OrganisationRepository organisations, VenueRepository venues, StaffPolicy policy, Sites sites) {
        this.organisations = organisations;
        this.venues = venues;
        this.policy = policy;
        this.sites = sites;
    }

    /** The organisation, when the account may edit its venues; 404 when it does not exist, 403 otherwise. */
    Organisation organisationForEditing(long organisationId, long accountId) {
        Organisation organisation = organisations.find(organisationId).orElseThrow(RuleViolation::notFound);
        if (!policy.canEditVenues(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
        return organisation;
    }

    /** The venue, when the account may edit it; 404 when it does not exist, 403 for other organisations' staff. */
    Venue venueForEditing(long venueId, long accountId) {
        Venue venue = venues.find(venueId).orElseThrow(RuleViolation::notFound);
        if (!policy.canEditVenues(accountId, venue.organisationId())) {
            throw RuleViolation.forbidden();
        }
        return venue;
    }

    List<Venue> venuesOf(long organisationId) {
        return venues.ofOrganisation(organisationId);
    }

    Site siteOf(Organisation organisation) {
        return sites.byId(organisation.siteId()).orElseThrow(RuleViolation::notFound);
    }

    List<Area> areasOf(Organisation organisation) {
        return sites.areas(organisation.siteId());
    }

    Set<Long> areaIdsOf(Organisation organisation) {
        return areasOf(organisation).stream().map(Area::id).collect(Collectors.toSet());
    }

    @Transactional
    long create(long organisationId, long actorId, VenueDetails details) {
        Organisation organisation = organisationForEditing(organisationId, actorId);
        return venues.insert(organisation.siteId(), organisation.id(), details);
    }

    @Transactional
    void update(long venueId, long actorId, VenueDetails details) {
        venueForEditing(venueId, actorId);
        venues.update(venueId, details);
    }
}
