package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.time.DayOfWeek;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.PlaceName;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors add and change venues. "Find coordinates" is a submit button of the same form: it fills
 * latitude and longitude from the site's gazetteer and shows the form again, with or without JavaScript.
 */
@Controller
class StaffVenueController {

    private final VenueDesk desk;
    private final Sites sites;
    private final PageSupport pages;

    StaffVenueController(VenueDesk desk, Sites sites, PageSupport pages) {
        this.desk = desk;
        this.sites = sites;
        this.pages = pages;
    }

    @GetMapping("/staff/organisations/{id}/venues/new")
    String newVenue(@PathVariable long id, Model model) {
        Organisation organisation = desk.organisationForEditing(id, PageSupport.me().id());
        return show(model, organisation, null, VenueForm.empty(), new FieldErrors(), null);
    }

    @PostMapping("/staff/organisations/{id}/venues")
    String create(@PathVariable long id, @ModelAttribute("form") VenueForm form,
                  @RequestParam(required = false) String locate, Model model) {
        CurrentAccount me = PageSupport.me();
        Organisation organisation = desk.organisationForEditing(id, me.id());
        if (locate != null) {
            return locate(model, organisation, null, form);
        }
        FieldErrors errors = new FieldErrors();
        VenueDetails details = form.check(desk.siteOf(organisation).languages(), desk.areaIdsOf(organisation), errors);
        if (errors.any()) {
            return show(model, organisation, null, form, errors, null);
        }
        desk.create(id, me.id(), details);
        return "redirect:/staff/organisations/" + id + "?venueSaved";
    }

    @GetMapping("/staff/organisations/{id}/venues/{venueId}")
    String edit(@PathVariable long id, @PathVariable long venueId, Model model) {
        CurrentAccount me = PageSupport.me();
        Organisation organisation = desk.organisationForEditing(id, me.id());
        Venue venue = venueOf(organisation, venueId, me);
        return show(model, organisation, venue, VenueForm.of(venue), new FieldErrors(), null);
    }

    @PostMapping("/staff/organisations/{id}/venues/{venueId}")
    String update(@PathVariable long id, @PathVariable long venueId, @ModelAttribute("form") VenueForm form,
                  @RequestParam(required = false) String locate, Model model) {
        CurrentAccount me = PageSupport.me();
        Organisation organisation = desk.organisationForEditing(id, me.id());
        Venue venue = venueOf(organisation, venueId, me);
        if (locate != null) {
            return locate(model, organisation, venue, form);
        }
        FieldErrors errors = new FieldErrors();
        VenueDetails details = form.check(desk.siteOf(organisation).languages(), desk.areaIdsOf(organisation), errors);
        if (errors.any()) {
            return show(model, organisation, venue, form, errors, null);
        }
        desk.update(venueId, me.id(), details);
        return "redirect:/staff/organisations/" + id + "?venueSaved";
    }

    /** A venue is edited under its own organisation's address only. */
    private Venue venueOf(Organisation organisation, long venueId, CurrentAccount me) {
        Venue venue = desk.venueForEditing(venueId, me.id());
        if (venue.organisationId() != organisation.id()) {
            throw RuleViolation.notFound();
        }
        return venue;
    }

    private String locate(Model model, Organisation organisation, Venue venue, VenueForm form) {
        FieldErrors errors = new FieldErrors();
        String town = InputChecks.clean(form.town());
        if (town == null) {
            errors.reject("town", "venue.error.town-for-coordinates");
            return show(model, organisation, venue, form, errors, null);
        }
        var places = sites.findPlaces(organisation.siteId(), town, 1);
        if (places.isEmpty()) {
            errors.reject("town", "venue.error.town-not-found", town);
            return show(model, organisation, venue, form, errors, null);
        }
        PlaceName place = places.getFirst();
        return show(model, organisation, venue, form.located(place.name(), place.point().lat(), place.point().lon(), place.areaId()),
                errors, place);
    }

    private String show(Model model, Organisation organisation, Venue venue, VenueForm form, FieldErrors errors,
                        PlaceName located) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("venue", venue);
        model.addAttribute("form", form);
        model.addAttribute("kinds", VenueKind.values());
        model.addAttribute("areas", desk.areasOf(organisation));
        model.addAttribute("languages", desk.siteOf(organisation).languages());
        model.addAttribute("facts", AccessibilityFact.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("located", located);
        pages.errors(model, errors);
        return "organisations/venue-form";
    }
}
