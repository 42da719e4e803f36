package org.learningmap.enrolment.attendance;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.QrCodes;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The roster in the room, made for a phone: tap a name to mark the person present (htmx swaps the
 * line; without JavaScript the form posts and the page comes back), scan or type a pass, add a
 * walk-in, finish with no-shows; and the session's check-in QR to show the room.
 */
@Controller
class RosterController {

    private final Rosters rosters;
    private final SessionCodes codes;
    private final Catalogue catalogue;
    private final Organisations organisations;

    RosterController(Rosters rosters, SessionCodes codes, Catalogue catalogue, Organisations organisations) {
        this.rosters = rosters;
        this.codes = codes;
        this.catalogue = catalogue;
        this.organisations = organisations;
    }

    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /** A line of the list of sessions. */
    record SessionLine(SessionFacts session, String organisationName, String day, String time) {
    }

    @GetMapping("/staff/sessions")
    String sessions(Model model) {
        Site site = Sites.current();
        ZoneId zone = site.zone();
        Locale locale = LocaleContextHolder.getLocale();
        Instant from = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.now(zone).plusDays(7).atStartOfDay(zone).toInstant();
        List<SessionLine> lines = new ArrayList<>();
        for (Membership membership : organisations.membershipsOf(me().id())) {
            if (membership.siteId() != site.id()) {
                continue;
            }
            String name = membership.organisationName().in(locale.getLanguage());
            for (SessionFacts s : catalogue.sessionsOfOrganisation(membership.organisationId(), from, to)) {
                lines.add(new SessionLine(s, name, Formats.date(s.startsAt(), zone, locale),
                        Formats.time(s.startsAt(), zone, locale) + "–" + Formats.time(s.endsAt(), zone, locale)));
            }
        }
        lines.sort(Comparator.comparing(line -> line.session().startsAt()));
        model.addAttribute("lines", lines);
        return "attendance/sessions";
    }

    @GetMapping("/staff/sessions/{id}/roster")
    String roster(@PathVariable long id, Model model) {
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me().id());
        model.addAttribute("roster", rosters.roster(session, LocaleContextHolder.getLocale()));
        describe(model, session);
        return "attendance/roster";
    }

    @PostMapping("/staff/sessions/{id}/roster/enrolments/{enrolment}/present")
    String present(@PathVariable long id, @PathVariable long enrolment, Model model,
                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long me = me().id();
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me);
        rosters.markPresent(session, enrolment, AttendanceMethod.TAP, me);
        return line(session, "person-e" + enrolment, model, htmx);
    }

    @PostMapping("/staff/sessions/{id}/roster/attendance/{attendance}/undo")
    String undo(@PathVariable long id, @PathVariable long attendance, @RequestParam(required = false) String row, Model model,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me().id());
        rosters.undo(session, attendance);
        return line(session, row == null ? "person-a" + attendance : row, model, htmx);
    }

    @PostMapping("/staff/sessions/{id}/roster/pass")
    String pass(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes redirect) {
        long me = me().id();
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me);
        try {
            Rosters.PassResult result = rosters.byPass(session, code, me);
            if (!result.enrolled()) {
                redirect.addFlashAttribute("problem", "attendance.pass.not-enrolled");
                redirect.addFlashAttribute("problemName", result.name());
                redirect.addFlashAttribute("offerWalkIn", org.learningmap.enrolment.CheckInPasses.normalise(code));
            } else {
                redirect.addFlashAttribute("done", result.newlyPresent() ? "attendance.done.present" : "attendance.done.already");
                redirect.addFlashAttribute("doneName", result.name());
            }
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
        }
        return "redirect:/staff/sessions/" + id + "/roster";
    }

    @PostMapping("/staff/sessions/{id}/roster/walk-ins")
    String walkIn(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String pass, RedirectAttributes redirect) {
        long me = me().id();
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me);
        try {
            Rosters.WalkInResult result = rosters.walkIn(session, name, contact, pass, me);
            redirect.addFlashAttribute("done", result.placeTaken() ? "attendance.done.walk-in-place" : "attendance.done.walk-in");
            redirect.addFlashAttribute("doneName", result.name());
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
            redirect.addFlashAttribute("walkInName", name);
            redirect.addFlashAttribute("walkInContact", contact);
        }
        return "redirect:/staff/sessions/" + id + "/roster";
    }

    @PostMapping("/staff/sessions/{id}/roster/finish")
    String finish(@PathVariable long id, RedirectAttributes redirect) {
        long me = me().id();
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me);
        try {
            int noShows = rosters.finish(session, me);
            redirect.addFlashAttribute("done", "attendance.done.finished");
            redirect.addFlashAttribute("doneName", noShows);
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
        }
        return "redirect:/staff/sessions/" + id + "/roster";
    }

    @GetMapping("/staff/sessions/{id}/check-in-code")
    String sessionCode(@PathVariable long id, Model model, HttpServletRequest request,
                       @RequestHeader(value = "HX-Request", required = false) String htmx) {
        SessionFacts session = rosters.openForStaff(id, Sites.current().id(), me().id());
        String code = codes.current(session.sessionId());
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/account/check-in/{code}").buildAndExpand(code).toUriString();
        model.addAttribute("qr", QrCodes.svgDataUri(url));
        model.addAttribute("checkInUrl", url);
        describe(model, session);
        return htmx != null ? "attendance/session-code :: code" : "attendance/session-code";
    }

    private String line(SessionFacts session, String rowId, Model model, String htmx) {
        if (htmx == null) {
            return "redirect:/staff/sessions/" + session.sessionId() + "/roster#" + rowId;
        }
        Roster roster = rosters.roster(session, LocaleContextHolder.getLocale());
        model.addAttribute("roster", roster);
        model.addAttribute("entry", java.util.stream.Stream.concat(roster.confirmed().stream(), roster.walkIns().stream())
                .filter(e -> e.rowId().equals(rowId)).findFirst().orElse(null));
        describe(model, session);
        return "attendance/roster :: tapped";
    }

    private static void keepOrRethrow(RuleViolation rule, RedirectAttributes redirect) {
        if (!rule.reason().startsWith("attendance.")) {
            throw rule;
        }
        redirect.addFlashAttribute("problem", rule.reason());
    }

    private static void describe(Model model, SessionFacts session) {
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("facts", session);
        model.addAttribute("activityTitle", session.activityTitle().in(locale.getLanguage()));
        model.addAttribute("when", Formats.date(session.startsAt(), site.zone(), locale) + ", "
                + Formats.time(session.startsAt(), site.zone(), locale) + "–" + Formats.time(session.endsAt(), site.zone(), locale));
    }
}
