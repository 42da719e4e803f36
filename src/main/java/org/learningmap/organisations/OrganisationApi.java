package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.ApiRecords.OrganisationResponse;
import org.learningmap.organisations.ApiRecords.PageResponse;
import org.learningmap.organisations.ApiRecords.VenueRequest;
import org.learningmap.organisations.ApiRecords.VenueResponse;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organisations and venues of the site as JSON. Anyone reads the approved ones; an editor of an
 * organisation writes its venues with a personal API token.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations and venues", description = "Approved providers of the site and the places where their activities happen")
class OrganisationApi {

    static final int MAX_PAGE_SIZE = 100;

    private final OrganisationRepository organisations;
    private final VenueRepository venues;
    private final VenueDesk desk;

    OrganisationApi(OrganisationRepository organisations, VenueRepository venues, VenueDesk desk) {
        this.organisations = organisations;
        this.venues = venues;
        this.desk = desk;
    }

    @GetMapping("/organisations")
    @Operation(summary = "Approved organisations of the site, by name, in pages")
    PageResponse<OrganisationResponse> organisations(@RequestParam(defaultValue = "1") int page,
                                                     @RequestParam(defaultValue = "20") int size) throws BindException {
        checkPaging(page, size);
        Site site = Sites.current();
        var items = organisations.approved(site.id(), (page - 1) * size, size).stream().map(OrganisationResponse::of).toList();
        return new PageResponse<>(items, organisations.countApproved(site.id()), page, size);
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "One approved organisation of the site")
    OrganisationResponse organisation(@PathVariable long id) {
        Site site = Sites.current();
        return organisations.find(id)
                .filter(Organisation::isApproved)
                .filter(o -> o.siteId() == site.id())
                .map(OrganisationResponse::of)
                .orElseThrow(RuleViolation::notFound);
    }

    @GetMapping("/venues")
    @Operation(summary = "Venues of the site's approved organisations, optionally of one organisation or area")
    PageResponse<VenueResponse> venues(@RequestParam(required = false) Long organisation, @RequestParam(required = false) Long area,
                                       @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size)
            throws BindException {
        checkPaging(page, size);
        Site site = Sites.current();
        var items = venues.publicOnSite(site.id(), organisation, area, (page - 1) * size, size).stream().map(VenueResponse::of).toList();
        return new PageResponse<>(items, venues.countPublicOnSite(site.id(), organisation, area), page, size);
    }

    @GetMapping("/venues/{id}")
    @Operation(summary = "One venue of an approved organisation")
    VenueResponse venue(@PathVariable long id) {
        Site site = Sites.current();
        Venue venue = venues.find(id).filter(v -> v.siteId() == site.id()).orElseThrow(RuleViolation::notFound);
        organisations.find(venue.organisationId()).filter(Organisation::isApproved).orElseThrow(RuleViolation::notFound);
        return VenueResponse.of(venue);
    }

    @PostMapping("/venues")
    @Operation(summary = "Add a venue to an organisation (its editors and owners, with a personal API token)")
    ResponseEntity<VenueResponse> create(@Valid @RequestBody VenueRequest request) throws BindException {
        CurrentAccount me = caller();
        if (request.organisationId() == null) {
            FieldErrors missing = new FieldErrors();
            missing.reject("organisationId", "validation.required");
            missing.throwIfAny("venueRequest");
        }
        Organisation organisation = desk.organisationForEditing(request.organisationId(), me.id());
        long id = desk.create(organisation.id(), me.id(), checked(request, organisation));
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/venues/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(VenueResponse.of(venues.find(id).orElseThrow()));
    }

    @PutMapping("/venues/{id}")
    @Operation(summary = "Replace a venue's details (its organisation's editors and owners, with a personal API token)")
    VenueResponse update(@PathVariable long id, @Valid @RequestBody VenueRequest request) throws BindException {
        CurrentAccount me = caller();
        Venue venue = desk.venueForEditing(id, me.id());
        if (request.organisationId() != null && !Objects.equals(request.organisationId(), venue.organisationId())) {
            FieldErrors moved = new FieldErrors();
            moved.reject("organisationId", "venue.error.other-organisation");
            moved.throwIfAny("venueRequest");
        }
        Organisation organisation = desk.organisationForEditing(venue.organisationId(), me.id());
        desk.update(id, me.id(), checked(request, organisation));
        return VenueResponse.of(venues.find(id).orElseThrow());
    }

    private VenueDetails checked(VenueRequest request, Organisation organisation) throws BindException {
        FieldErrors errors = new FieldErrors();
        VenueDetails details = VenueChecks.check(request.kind(), request.name(), request.address(), request.town(),
                request.areaId(), request.lat(), request.lon(), request.openingHours(), request.accessibility(),
                desk.siteOf(organisation).languages(), desk.areaIdsOf(organisation), errors);
        errors.throwIfAny("venueRequest");
        return details;
    }

    private static CurrentAccount caller() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    private static void checkPaging(int page, int size) throws BindException {
        FieldErrors errors = new FieldErrors();
        if (page < 1) {
            errors.reject("page", "input.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.reject("size", "input.page-size", MAX_PAGE_SIZE);
        }
        errors.throwIfAny("paging");
    }
}
