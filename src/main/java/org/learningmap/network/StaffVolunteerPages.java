package org.learningmap.network;

import static org.learningmap.network.VolunteeringPages.attempt;
import static org.learningmap.network.VolunteeringPages.date;
import static org.learningmap.network.VolunteeringPages.encode;
import static org.learningmap.network.VolunteeringPages.signedIn;
import static org.learningmap.network.VolunteeringPages.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.network.Volunteers.HelpBooking;
import org.learningmap.network.Volunteers.Shift;
import org.learningmap.network.Volunteers.Volunteer;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of one organisation: its volunteers and their hours to approve, shifts and helpers at
 * sessions, and the 1:1 help desk where a librarian books help for a visitor. Every page and action
 * is for the organisation's own staff only.
 */
@Controller
class StaffVolunteerPages {

    private final Volunteers volunteers;
    private final Hours hours;
    private final HelpDesk help;
    private final Organisations organisations;
    private final Accounts accounts;
    private final VolunteeringPages pages;

    StaffVolunteerPages(Volunteers volunteers, Hours hours, HelpDesk help, Organisations organisations, Accounts accounts,
                        VolunteeringPages pages) {
        this.volunteers = volunteers;
        this.hours = hours;
        this.help = help;
        this.organisations = organisations;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/staff/organisations/{org}/volunteers")
    String volunteers(@PathVariable long org, Model model) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        common(org, model);
        model.addAttribute("volunteers", volunteers.volunteersOf(me.id(), org));
        model.addAttribute("pendingHours", hours.pendingOf(me.id(), org));
        model.addAttribute("mayDecide", organisations.hasRole(me.id(), org, StaffRole.EDITOR));
        return "network/staff-volunteers";
    }

    @PostMapping("/staff/organisations/{org}/volunteers/{id}/{decision:approve|reject}")
    String decide(@PathVariable long org, @PathVariable long id, @PathVariable String decision, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        return attempt(redirect, base(org), () -> {
            volunteers.decide(me.id(), org, id, "approve".equals(decision));
            redirect.addFlashAttribute("done", "approve".equals(decision) ? "network.staff.approved" : "network.staff.rejected");
            return "redirect:" + base(org);
        });
    }

    @PostMapping("/staff/organisations/{org}/volunteers/hours/{id}/{decision:approve|reject}")
    String decideHours(@PathVariable long org, @PathVariable long id, @PathVariable String decision, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        return attempt(redirect, base(org), () -> {
            hours.decide(me.id(), org, id, "approve".equals(decision));
            redirect.addFlashAttribute("done", "approve".equals(decision) ? "network.staff.hours-approved" : "network.staff.hours-rejected");
            return "redirect:" + base(org);
        });
    }

    // --- shifts and sessions

    @GetMapping("/staff/organisations/{org}/volunteers/shifts")
    String shifts(@PathVariable long org, Model model) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        common(org, model);
        List<Shift> shifts = volunteers.shiftsOf(me.id(), org, Instant.now().minusSeconds(7 * 24 * 3600));
        Map<Long, List<Volunteers.ShiftSignup>> signups = new LinkedHashMap<>();
        shifts.forEach(s -> signups.put(s.id(), volunteers.signupsOf(me.id(), org, s.id())));
        model.addAttribute("shifts", shifts);
        model.addAttribute("signups", signups);
        List<SessionFacts> sessions = volunteers.upcomingSessions(me.id(), org);
        Map<Long, List<Volunteers.SessionHelper>> helpers = new LinkedHashMap<>();
        sessions.forEach(s -> helpers.put(s.sessionId(), volunteers.helpersOfSession(s.sessionId())));
        model.addAttribute("sessions", sessions);
        model.addAttribute("helpers", helpers);
        model.addAttribute("approved", volunteers.volunteersOf(me.id(), org).stream().filter(Volunteer::approved).toList());
        model.addAttribute("today", LocalDate.now(Sites.current().zone()));
        return "network/staff-shifts";
    }

    @PostMapping("/staff/organisations/{org}/volunteers/shifts")
    String publish(@PathVariable long org, @RequestParam long venue, @RequestParam(required = false) String day,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "1") int capacity, @RequestParam(defaultValue = "false") boolean open,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        String back = base(org) + "/shifts";
        return attempt(redirect, back, () -> {
            volunteers.publishShift(me.id(), org, venue, date(day), time(from), time(to), capacity, open, note);
            redirect.addFlashAttribute("done", "network.staff.shift-published");
            return "redirect:" + back;
        });
    }

    @PostMapping("/staff/organisations/{org}/volunteers/shifts/{id}/assign")
    String assign(@PathVariable long org, @PathVariable long id, @RequestParam long volunteer, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        String back = base(org) + "/shifts";
        return attempt(redirect, back, () -> {
            volunteers.assignShift(me.id(), org, id, volunteer);
            redirect.addFlashAttribute("done", "network.staff.assigned");
            return "redirect:" + back;
        });
    }

    @PostMapping("/staff/organisations/{org}/volunteers/shifts/{id}/cancel")
    String cancelShift(@PathVariable long org, @PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        volunteers.cancelShift(me.id(), org, id);
        redirect.addFlashAttribute("done", "network.staff.shift-cancelled");
        return "redirect:" + base(org) + "/shifts";
    }

    @PostMapping("/staff/organisations/{org}/volunteers/shift-places/{id}/no-show")
    String noShow(@PathVariable long org, @PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        volunteers.markShiftNoShow(me.id(), org, id);
        redirect.addFlashAttribute("done", "network.staff.no-show");
        return "redirect:" + base(org) + "/shifts";
    }

    @PostMapping("/staff/organisations/{org}/volunteers/sessions/{session}/helpers")
    String helper(@PathVariable long org, @PathVariable long session, @RequestParam long volunteer, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        String back = base(org) + "/shifts";
        return attempt(redirect, back, () -> {
            volunteers.assignToSession(me.id(), org, session, volunteer);
            redirect.addFlashAttribute("done", "network.staff.assigned");
            return "redirect:" + back;
        });
    }

    // --- the 1:1 help desk

    @GetMapping("/staff/organisations/{org}/help")
    String helpDesk(@PathVariable long org, @RequestParam(required = false) String language,
                    @RequestParam(required = false) String topic, Model model) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        Site site = Sites.current();
        common(org, model);
        String lang = language == null || language.isBlank() ? null : language;
        String slug = topic == null || topic.isBlank() ? null : topic;
        model.addAttribute("language", lang);
        model.addAttribute("topic", slug);
        model.addAttribute("topicNames", pages.topicNames(site.id()));
        var slots = lang != null && slug != null ? help.findFree(site.id(), org, lang, slug) : List.<Volunteers.HelpSlot>of();
        model.addAttribute("searched", lang != null && slug != null);
        model.addAttribute("slots", slots);
        List<HelpBooking> bookings = help.bookingsOfOrganisation(me.id(), org);
        model.addAttribute("bookings", bookings);
        Map<Long, String> people = new LinkedHashMap<>();
        bookings.stream().filter(b -> b.personAccountId() != null).forEach(b ->
                people.put(b.id(), accounts.byId(b.personAccountId()).map(AccountSummary::displayName).orElse("")));
        model.addAttribute("people", people);
        return "network/staff-help";
    }

    @PostMapping("/staff/organisations/{org}/help/slots/{id}/book")
    String bookForVisitor(@PathVariable long org, @PathVariable long id, @RequestParam String topic, @RequestParam String language,
                          @RequestParam(required = false) String email, @RequestParam(required = false) String name,
                          @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        String back = "/staff/organisations/" + org + "/help?language=" + encode(language) + "&topic=" + encode(topic);
        return attempt(redirect, back, () -> {
            help.bookForVisitor(me.id(), org, id, topic, language, email, name, phone);
            redirect.addFlashAttribute("done", "network.help.booked-for-visitor");
            return "redirect:/staff/organisations/" + org + "/help";
        });
    }

    @PostMapping("/staff/organisations/{org}/help/bookings/{id}/cancel")
    String cancelBooking(@PathVariable long org, @PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = staff(org, StaffRole.EDUCATOR);
        help.booking(id).filter(b -> b.organisationId() == org).orElseThrow(RuleViolation::notFound);
        help.cancel(me.id(), id);
        redirect.addFlashAttribute("done", "network.help.cancelled");
        return "redirect:/staff/organisations/" + org + "/help";
    }

    // --- shared

    private void common(long org, Model model) {
        model.addAttribute("organisationId", org);
        model.addAttribute("organisationName", organisations.nameOf(org).orElse(LocalizedText.EMPTY));
        List<VenueSummary> venues = organisations.venuesOf(org);
        model.addAttribute("venues", venues);
        Map<Long, LocalizedText> venueNames = new LinkedHashMap<>();
        venues.forEach(v -> venueNames.put(v.id(), v.name()));
        model.addAttribute("venueNames", venueNames);
    }

    /** The signed-in staff member of an organisation of this site; others get 403, an organisation of another site 404. */
    private CurrentAccount staff(long org, StaffRole atLeast) {
        CurrentAccount me = signedIn();
        if (!organisations.hasRole(me.id(), org, atLeast)) {
            throw RuleViolation.forbidden();
        }
        if (organisations.siteOf(org).orElse(-1L) != Sites.current().id()) {
            throw RuleViolation.notFound();
        }
        return me;
    }

    private static String base(long org) {
        return "/staff/organisations/" + org + "/volunteers";
    }
}
