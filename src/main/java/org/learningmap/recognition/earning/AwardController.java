package org.learningmap.recognition.earning;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.learningmap.catalogue.Formats;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.Badge;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/badges/{id}/award}: award one person by e-mail, pick people from a session's
 * attendees, or award the whole session at once; links to the CSV, claim and evidence pages.
 * Every form carries a fresh one-time key, so sending it twice awards nobody twice.
 */
@Controller
class AwardController {

    static final String PAGE = "/staff/badges/{badgeId}/award";

    /** A session in the picker: its id and when it took place, in the site's zone. */
    record SessionChoice(long id, String label) {
    }

    private final EducatorAwards awards;
    private final EarningAccess access;
    private final BadgeClaims claims;
    private final EvidenceReviews evidence;

    AwardController(EducatorAwards awards, EarningAccess access, BadgeClaims claims, EvidenceReviews evidence) {
        this.awards = awards;
        this.access = access;
        this.claims = claims;
        this.evidence = evidence;
    }

    @GetMapping(PAGE)
    String page(@PathVariable long badgeId, @RequestParam(name = "session", required = false) Long sessionId, Model model) {
        long me = EarningAccess.me().id();
        Badge badge = access.badgeToAward(badgeId, me);
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        List<SessionFacts> sessions = awards.sessions(badge);
        model.addAttribute("sessions", sessions.stream().limit(60).map(s -> new SessionChoice(s.sessionId(),
                Formats.date(s.startsAt(), site.zone(), locale) + ", " + Formats.time(s.startsAt(), site.zone(), locale))).toList());
        if (sessionId != null && sessions.stream().anyMatch(s -> s.sessionId() == sessionId)) {
            model.addAttribute("pickedSession", sessionId);
            model.addAttribute("attendees", awards.attendees(badge, sessionId, me));
        }
        model.addAttribute("openClaims", claims.openClaims(badge.id()));
        model.addAttribute("evidenceSetting", evidence.setting(badge.id()));
        model.addAttribute("waitingEvidence", evidence.waitingCount(badge.id()));
        return view(model, badge);
    }

    /** From an activity (its roster, for instance): its badge's award page, the badge made if it has none yet. */
    @GetMapping("/staff/activities/{activityId}/badge/award")
    String ofActivity(@PathVariable long activityId, @RequestParam(name = "session", required = false) Long sessionId) {
        Badge badge = awards.activityBadge(activityId, EarningAccess.me().id());
        return "redirect:/staff/badges/" + badge.id() + "/award" + (sessionId == null ? "" : "?session=" + sessionId + "#session");
    }

    @PostMapping(PAGE + "/person")
    String person(@PathVariable long badgeId, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String narrative,
                  @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) String formKey,
                  RedirectAttributes redirect) {
        long me = EarningAccess.me().id();
        try {
            AwardOutcome outcome = awards.awardByEmail(badgeId, me, email, name, narrative, evidenceUrl, formKey);
            done(redirect, outcome, email == null ? "" : email.strip());
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
            redirect.addFlashAttribute("email", email);
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("narrative", narrative);
            redirect.addFlashAttribute("evidenceUrl", evidenceUrl);
        }
        return "redirect:/staff/badges/" + badgeId + "/award";
    }

    @PostMapping(PAGE + "/attendee")
    String attendee(@PathVariable long badgeId, @RequestParam long sessionId, @RequestParam long accountId,
                    @RequestParam(required = false) String narrative, @RequestParam(required = false) String formKey,
                    RedirectAttributes redirect) {
        long me = EarningAccess.me().id();
        try {
            AwardOutcome outcome = awards.awardAttendee(badgeId, me, sessionId, accountId, narrative, null, formKey);
            String who = outcome.award().recipientName() != null ? outcome.award().recipientName() : outcome.award().recipientEmail();
            done(redirect, outcome, who);
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
        }
        return "redirect:/staff/badges/" + badgeId + "/award?session=" + sessionId;
    }

    @PostMapping(PAGE + "/session")
    String session(@PathVariable long badgeId, @RequestParam long sessionId, @RequestParam(required = false) String narrative,
                   @RequestParam(required = false) String formKey, RedirectAttributes redirect) {
        long me = EarningAccess.me().id();
        try {
            EducatorAwards.SessionResult result = awards.awardSession(badgeId, me, sessionId, narrative, formKey);
            redirect.addFlashAttribute("done", "recognition-earning.award.done.session");
            redirect.addFlashAttribute("doneArgs", new Object[] {result.awarded(), result.alreadyHeld()});
        } catch (RuleViolation rule) {
            keepOrRethrow(rule, redirect);
        }
        return "redirect:/staff/badges/" + badgeId + "/award?session=" + sessionId;
    }

    private String view(Model model, Badge badge) {
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "recognition/earning/award";
    }

    private static void done(RedirectAttributes redirect, AwardOutcome outcome, String who) {
        redirect.addFlashAttribute("done", outcome.created() ? "recognition-earning.award.done.awarded"
                : "recognition-earning.award.done.held");
        redirect.addFlashAttribute("doneArgs", new Object[] {who});
    }

    /** Rules of this page come back to the form with their message; anything else (403, 404) is an error page. */
    static void keepOrRethrow(RuleViolation rule, RedirectAttributes redirect) {
        if (rule.status().value() == 403 || rule.status().value() == 404 || !rule.reason().startsWith("recognition")) {
            throw rule;
        }
        redirect.addFlashAttribute("problem", rule.reason());
        redirect.addFlashAttribute("problemArgs", rule.arguments());
    }
}
