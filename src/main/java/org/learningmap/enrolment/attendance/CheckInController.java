package org.learningmap.enrolment.attendance;

import java.util.Locale;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.CheckInPass;
import org.learningmap.enrolment.CheckInPasses;
import org.learningmap.platform.QrCodes;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The learner's side of check-in: their personal pass to show staff, and the page a session's QR
 * code opens (after signing in), where one button marks them present.
 */
@Controller
class CheckInController {

    private final CheckInPasses passes;
    private final SessionCodes codes;
    private final Rosters rosters;
    private final org.learningmap.accounts.Accounts accounts;

    CheckInController(CheckInPasses passes, SessionCodes codes, Rosters rosters, org.learningmap.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.passes = passes;
        this.codes = codes;
        this.rosters = rosters;
    }

    @GetMapping("/account/pass")
    String pass(Model model) {
        if (!accounts.mayKeepPersonalData(RosterController.me().id())) {
            throw new org.learningmap.platform.RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        CheckInPass pass = passes.passFor(RosterController.me().id());
        model.addAttribute("pass", pass);
        model.addAttribute("qr", QrCodes.svgDataUri(pass.code()));
        return "attendance/pass";
    }

    @GetMapping("/account/check-in/{code}")
    String checkIn(@PathVariable String code, Model model) {
        SessionFacts session = rosters.session(codes.sessionOf(code), Sites.current().id());
        describe(model, session);
        model.addAttribute("code", code);
        return "attendance/check-in";
    }

    @PostMapping("/account/check-in/{code}")
    String confirm(@PathVariable String code, Model model) {
        SessionFacts session = rosters.session(codes.sessionOf(code), Sites.current().id());
        rosters.selfCheckIn(session, RosterController.me().id());
        describe(model, session);
        model.addAttribute("checkedIn", true);
        return "attendance/check-in";
    }

    private static void describe(Model model, SessionFacts session) {
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("activityTitle", session.activityTitle().in(locale.getLanguage()));
        model.addAttribute("when", Formats.date(session.startsAt(), site.zone(), locale) + ", "
                + Formats.time(session.startsAt(), site.zone(), locale) + "–" + Formats.time(session.endsAt(), site.zone(), locale));
    }
}
