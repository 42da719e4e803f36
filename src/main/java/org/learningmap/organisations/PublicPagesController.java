package org.learningmap.organisations;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Area;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public organisation and venue pages. Only approved organisations of this site and their venues are shown. */
@Controller
class PublicPagesController {

    private final OrganisationRepository organisations;
    private final VenueRepository venues;
    private final Sites sites;

    PublicPagesController(OrganisationRepository organisations, VenueRepository venues, Sites sites) {
        this.organisations = organisations;
        this.venues = venues;
        this.sites = sites;
    }

    @GetMapping("/organisations/{id}")
    String organisation(@PathVariable long id, Model model) {
        Site site = Sites.current();
        Organisation organisation = publicOrganisation(id, site);
        List<Venue> list = venues.ofOrganisation(id);
        Map<Long, Area> areas = sites.areas(site.id()).stream().collect(Collectors.toMap(Area::id, Function.identity()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("venues", list);
        model.addAttribute("areas", areas);
        return "organisations/organisation";
    }

    @GetMapping("/venues/{id}")
    String venue(@PathVariable long id, Model model) {
        Site site = Sites.current();
        Venue venue = venues.find(id).filter(v -> v.siteId() == site.id()).orElseThrow(RuleViolation::notFound);
        Organisation organisation = publicOrganisation(venue.organisationId(), site);
        model.addAttribute("venue", venue);
        model.addAttribute("organisation", organisation);
        model.addAttribute("days", java.time.DayOfWeek.values());
        model.addAttribute("area", venue.areaId() == null ? null : sites.area(site.id(), venue.areaId()).orElse(null));
        return "organisations/venue";
    }

    private Organisation publicOrganisation(long id, Site site) {
        return organisations.find(id)
                .filter(Organisation::isApproved)
                .filter(o -> o.siteId() == site.id())
                .orElseThrow(RuleViolation::notFound);
    }
}
