package org.learningmap.network;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.network.Volunteers.Volunteer;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.VenueSummary;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own pages: offering to volunteer, open shifts, hours, 1:1 help slots they offer, and
 * booking 1:1 help for themselves.
 */
@Controller
class VolunteeringPages {

    private final Volunteers volunteers;
    private final Hours hours;
    private final HelpDesk help;
    private final Organisations organisations;
    private final Catalogue catalogue;

    VolunteeringPages(Volunteers volunteers, Hours hours, HelpDesk help, Organisations organisations, Catalogue catalogue) {
        this.volunteers = volunteers;
        this.hours = hours;
        this.help = help;
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    @GetMapping("/account/volunteering")
    String home(Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        List<Volunteer> mine = volunteers.volunteeringOf(me.id(), site.id());
        model.addAttribute("profiles", mine);
        model.addAttribute("organisationNames", organisations.approvedOf(site.id()));
        model.addAttribute("venueNames", venueNames(mine));
        model.addAttribute("minor", volunteers.isMinor(me.id(), site.id()));
        return "network/volunteering";
    }

    @GetMapping("/account/volunteering/offer")
    String offerForm(@RequestParam(required = false) Long organisation, Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        if (organisation == null) {
            return "redirect:/account/volunteering";
        }
        Map<Long, LocalizedText> approved = organisations.approvedOf(site.id());
        if (!approved.containsKey(organisation)) {
            throw RuleViolation.notFound();
        }
        model.addAttribute("organisationId", organisation);
        model.addAttribute("organisationName", approved.get(organisation));
        model.addAttribute("venues", organisations.venuesOf(organisation));
        model.addAttribute("topics", catalogue.topics(site.id()));
        model.addAttribute("existing", volunteers.volunteeringOf(me.id(), site.id()).stream()
                .filter(v -> v.organisationId() == organisation).findFirst().orElse(null));
        return "network/volunteer-form";
    }

    @PostMapping("/account/volunteering/offer")
    String offer(@RequestParam long organisation, @RequestParam(required = false) List<String> roles,
                 @RequestParam(required = false) List<String> languages, @RequestParam(required = false) List<String> topics,
                 @RequestParam(required = false) List<Long> venues, @RequestParam(required = false) List<String> availability,
                 RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/offer?organisation=" + organisation, () -> {
            volunteers.offer(me.id(), organisation, roles, languages, topics, venues, availability);
            redirect.addFlashAttribute("done", "network.volunteer.offered");
            return "redirect:/account/volunteering";
        });
    }

    @PostMapping("/account/volunteering/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        volunteers.withdraw(signedIn().id(), id);
        redirect.addFlashAttribute("done", "network.volunteer.withdrawn");
        return "redirect:/account/volunteering";
    }

    // --- shifts

    @GetMapping("/account/volunteering/shifts")
    String shifts(Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        var open = volunteers.openShiftsFor(me.id(), site.id());
        var mine = volunteers.shiftsOfVolunteer(me.id(), site.id());
        model.addAttribute("openShifts", open);
        model.addAttribute("myShifts", mine);
        java.util.Set<Long> venueIds = new java.util.HashSet<>();
        open.forEach(s -> venueIds.add(s.venueId()));
        mine.forEach(s -> venueIds.add(s.venueId()));
        model.addAttribute("venueNames", venueNamesOf(venueIds));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("volunteering", volunteers.volunteeringOf(me.id(), site.id()).stream().anyMatch(Volunteer::approved));
        return "network/shifts";
    }

    @PostMapping("/account/volunteering/shifts/{id}/sign-up")
    String signUp(@PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/shifts", () -> {
            volunteers.signUpForShift(me.id(), id);
            redirect.addFlashAttribute("done", "network.shift.signed-up");
            return "redirect:/account/volunteering/shifts";
        });
    }

    @PostMapping("/account/volunteering/shift-places/{id}/cancel")
    String cancelPlace(@PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/shifts", () -> {
            volunteers.cancelShiftSignup(me.id(), id);
            redirect.addFlashAttribute("done", "network.shift.cancelled-place");
            return "redirect:/account/volunteering/shifts";
        });
    }

    // --- hours

    @GetMapping("/account/volunteering/hours")
    String hours(Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        model.addAttribute("entries", hours.entriesOf(me.id(), site.id()));
        model.addAttribute("totalMinutes", hours.approvedMinutes(me.id(), site.id()));
        model.addAttribute("profiles", volunteers.volunteeringOf(me.id(), site.id()).stream().filter(Volunteer::approved).toList());
        model.addAttribute("organisationNames", organisations.approvedOf(site.id()));
        model.addAttribute("today", LocalDate.now(site.zone()));
        return "network/hours";
    }

    @PostMapping("/account/volunteering/hours")
    String logHours(@RequestParam long volunteer, @RequestParam(required = false) String day,
                    @RequestParam(required = false) Integer hoursWorked, @RequestParam(required = false) Integer minutesWorked,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/hours", () -> {
            int minutes = (hoursWorked == null ? 0 : hoursWorked) * 60 + (minutesWorked == null ? 0 : minutesWorked);
            hours.logManually(me.id(), volunteer, date(day), minutes, note);
            redirect.addFlashAttribute("done", "network.hours.sent");
            return "redirect:/account/volunteering/hours";
        });
    }

    // --- 1:1 help the volunteer offers

    @GetMapping("/account/volunteering/help")
    String helpOffered(Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        List<Volunteer> approved = volunteers.volunteeringOf(me.id(), site.id()).stream().filter(Volunteer::approved).toList();
        model.addAttribute("profiles", approved);
        model.addAttribute("slots", help.slotsOfVolunteer(me.id(), site.id()));
        model.addAttribute("bookings", help.bookingsWithVolunteer(me.id(), site.id()));
        model.addAttribute("venueNames", venueNames(approved));
        model.addAttribute("topics", catalogue.topics(site.id()));
        model.addAttribute("topicNames", topicNames(site.id()));
        model.addAttribute("minor", volunteers.isMinor(me.id(), site.id()));
        model.addAttribute("mustHaveAdult", volunteers.isMinor(me.id(), site.id()) && volunteers.minorsNeverAlone(site.id()));
        model.addAttribute("today", LocalDate.now(site.zone()));
        model.addAttribute("now", java.time.Instant.now());
        return "network/help-offered";
    }

    @PostMapping("/account/volunteering/help/slots")
    String offerSlot(@RequestParam long volunteer, @RequestParam long venue, @RequestParam(required = false) String day,
                     @RequestParam(required = false) String time, @RequestParam(required = false) List<String> languages,
                     @RequestParam(required = false) List<String> topics, @RequestParam(required = false) String presentEmail,
                     RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/help", () -> {
            help.offer(me.id(), volunteer, venue, date(day), time(time), languages, topics, presentEmail);
            redirect.addFlashAttribute("done", "network.help.slot-offered");
            return "redirect:/account/volunteering/help";
        });
    }

    @PostMapping("/account/volunteering/help/slots/{id}/withdraw")
    String withdrawSlot(@PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/help", () -> {
            help.withdrawSlot(me.id(), id);
            redirect.addFlashAttribute("done", "network.help.slot-withdrawn");
            return "redirect:/account/volunteering/help";
        });
    }

    @PostMapping("/account/volunteering/help/bookings/{id}/{outcome:held|no-show}")
    String record(@PathVariable long id, @PathVariable String outcome, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        return attempt(redirect, "/account/volunteering/help", () -> {
            help.record(me.id(), id, "held".equals(outcome));
            redirect.addFlashAttribute("done", "network.help.recorded");
            return "redirect:/account/volunteering/help";
        });
    }

    // --- 1:1 help a person books

    @GetMapping("/account/help")
    String findHelp(@RequestParam(required = false) String language, @RequestParam(required = false) String topic, Model model) {
        CurrentAccount me = signedIn();
        Site site = Sites.current();
        String lang = language == null || language.isBlank() ? null : language;
        String slug = topic == null || topic.isBlank() ? null : topic;
        model.addAttribute("language", lang);
        model.addAttribute("topic", slug);
        model.addAttribute("topics", catalogue.topics(site.id()));
        model.addAttribute("topicNames", topicNames(site.id()));
        var slots = lang != null && slug != null ? help.findFree(site.id(), null, lang, slug) : List.<Volunteers.HelpSlot>of();
        model.addAttribute("slots", slots);
        model.addAttribute("searched", lang != null && slug != null);
        model.addAttribute("venueNames", venueNamesOf(slots.stream().map(Volunteers.HelpSlot::venueId).toList()));
        var mine = help.bookingsOf(me.id(), site.id());
        model.addAttribute("bookings", mine);
        model.addAttribute("bookingVenueNames", venueNamesOf(mine.stream().map(Volunteers.HelpBooking::venueId).toList()));
        return "network/help-find";
    }

    @PostMapping("/account/help/slots/{id}/book")
    String book(@PathVariable long id, @RequestParam String topic, @RequestParam String language, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        String back = "/account/help?language=" + encode(language) + "&topic=" + encode(topic);
        return attempt(redirect, back, () -> {
            help.bookForMyself(me.id(), id, topic, language);
            redirect.addFlashAttribute("done", "network.help.booked");
            return "redirect:/account/help";
        });
    }

    @PostMapping("/account/help/bookings/{id}/cancel")
    String cancelBooking(@PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        help.cancel(me.id(), id);
        redirect.addFlashAttribute("done", "network.help.cancelled");
        return "redirect:/account/help";
    }

    // --- shared

    Map<String, LocalizedText> topicNames(long siteId) {
        Map<String, LocalizedText> names = new java.util.LinkedHashMap<>();
        catalogue.topics(siteId).forEach(t -> names.put(t.slug(), t.name()));
        return names;
    }

    private Map<Long, LocalizedText> venueNames(List<Volunteer> profiles) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        profiles.forEach(v -> ids.addAll(v.venueIds()));
        return venueNamesOf(ids);
    }

    private Map<Long, LocalizedText> venueNamesOf(java.util.Collection<Long> ids) {
        Map<Long, LocalizedText> names = new java.util.LinkedHashMap<>();
        for (Long id : new java.util.TreeSet<>(ids)) {
            organisations.venue(id).map(VenueSummary::name).ifPresent(name -> names.put(id, name));
        }
        return names;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Runs a change; a rule that says no (a conflict or bad input) comes back to the form as a
     * translated message, anything else (forbidden, not found) is the error page.
     */
    static String attempt(RedirectAttributes redirect, String back, Supplier<String> change) {
        try {
            return change.get();
        } catch (RuleViolation violation) {
            if (violation.status() == HttpStatus.FORBIDDEN || violation.status() == HttpStatus.NOT_FOUND) {
                throw violation;
            }
            redirect.addFlashAttribute("problem", violation.reason());
            return "redirect:" + back;
        }
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.badRequest("network.bad-date");
        }
    }

    static LocalTime time(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.badRequest("network.bad-time");
        }
    }

    static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
