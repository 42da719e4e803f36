package org.learningmap.enrolment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An activity's sign-ups for its organisation's staff (any role): who has a place, the waitlist in
 * order, the answers to the registration questions, and taking a place back with a reason. Editors
 * and owners also define the registration questions here.
 */
@Controller
@RequestMapping("/staff/organisations/{orgId}/activities/{activityId}/enrolments")
class StaffEnrolmentPages {

    /** The sign-ups of one pool: a session, or the whole course ({@code session} null). */
    record Group(SessionFacts session, Places places, List<SessionEnrolment> confirmed, List<SessionEnrolment> waiting,
                 List<SessionEnrolment> cancelled) {
    }

    private final Enrolments enrolments;
    private final RegistrationQuestions questions;
    private final Organisations organisations;

    StaffEnrolmentPages(Enrolments enrolments, RegistrationQuestions questions, Organisations organisations) {
        this.enrolments = enrolments;
        this.questions = questions;
        this.organisations = organisations;
    }

    @GetMapping
    String list(@PathVariable long orgId, @PathVariable long activityId, Model model) {
        CurrentAccount account = signedIn();
        List<SessionFacts> sessions = sessionsOf(orgId, activityId);
        List<SessionEnrolment> all = enrolments.enrolmentsOfActivity(activityId, account.id());
        List<Group> groups = new ArrayList<>();
        boolean whole = sessions.getFirst().wholeActivityRegistration();
        if (whole) {
            SessionFacts first = sessions.stream().filter(s -> !s.cancelled()).findFirst().orElse(sessions.getFirst());
            groups.add(group(null, enrolments.places(first.sessionId()), all));
        } else {
            for (SessionFacts session : sessions) {
                groups.add(group(session, enrolments.places(session.sessionId()),
                        all.stream().filter(e -> e.sessionId() != null && e.sessionId() == session.sessionId()).toList()));
            }
        }
        model.addAttribute("orgId", orgId);
        model.addAttribute("activity", sessions.getFirst());
        model.addAttribute("groups", groups);
        model.addAttribute("wholeActivity", whole);
        model.addAttribute("questions", questions.of(activityId));
        model.addAttribute("canEdit", organisations.hasRole(account.id(), orgId, StaffRole.EDITOR));
        model.addAttribute("yes", questions.translated("enrolment.answer.yes"));
        model.addAttribute("no", questions.translated("enrolment.answer.no"));
        return "enrolment/staff-enrolments";
    }

    @PostMapping("/{enrolmentId}/cancel")
    String cancel(@PathVariable long orgId, @PathVariable long activityId, @PathVariable long enrolmentId,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentAccount account = signedIn();
        sessionsOf(orgId, activityId);
        boolean ofThisActivity = enrolments.enrolmentsOfActivity(activityId, account.id()).stream().anyMatch(e -> e.id() == enrolmentId);
        if (!ofThisActivity) {
            throw RuleViolation.notFound();
        }
        try {
            enrolments.cancel(enrolmentId, account.id(), reason == null ? "" : reason);
            redirect.addFlashAttribute("notice", "enrolment.staff.cancel-done");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", refused.reason());
            redirect.addFlashAttribute("problemFor", enrolmentId);
        }
        return "redirect:/staff/organisations/" + orgId + "/activities/" + activityId + "/enrolments#enrolment-" + enrolmentId;
    }

    @PostMapping("/questions/preset")
    String addPreset(@PathVariable long orgId, @PathVariable long activityId, @RequestParam String preset, RedirectAttributes redirect) {
        CurrentAccount account = signedIn();
        sessionsOf(orgId, activityId);
        RegistrationQuestions.Preset chosen;
        try {
            chosen = RegistrationQuestions.Preset.valueOf(preset);
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.badRequest("error.invalid-input");
        }
        return questionsChanged(orgId, activityId, redirect, () -> questions.addPreset(account.id(), activityId, chosen));
    }

    @PostMapping("/questions")
    String addOwn(@PathVariable long orgId, @PathVariable long activityId, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        CurrentAccount account = signedIn();
        sessionsOf(orgId, activityId);
        RegistrationQuestions.Kind kind;
        try {
            kind = RegistrationQuestions.Kind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException unknown) {
            throw RuleViolation.badRequest("error.invalid-input");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : List.of("en", "lt", "uk")) {
            String text = form.getOrDefault("prompt." + language, "").strip();
            if (!text.isEmpty()) {
                texts.put(language, text);
            }
        }
        String language = Sites.current().defaultLanguage();
        List<String> choices = List.of(form.getOrDefault("choices", "").split("\\R"));
        return questionsChanged(orgId, activityId, redirect,
                () -> questions.addOwn(account.id(), activityId, kind, new LocalizedText(texts), choices,
                        texts.containsKey(language) ? language : texts.keySet().stream().findFirst().orElse(language)));
    }

    @PostMapping("/questions/{questionId}/delete")
    String removeQuestion(@PathVariable long orgId, @PathVariable long activityId, @PathVariable long questionId,
                          RedirectAttributes redirect) {
        CurrentAccount account = signedIn();
        sessionsOf(orgId, activityId);
        return questionsChanged(orgId, activityId, redirect, () -> questions.remove(account.id(), activityId, questionId));
    }

    private String questionsChanged(long orgId, long activityId, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", "enrolment.questions.saved");
        } catch (RuleViolation refused) {
            if (refused.status().value() == 403 || refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("questionProblem", refused.reason());
        }
        return "redirect:/staff/organisations/" + orgId + "/activities/" + activityId + "/enrolments#questions";
    }

    /**
     * The activity's sessions, after checking that the account is staff of the organisation (403) and that
     * the activity is the organisation's and on this site (404 otherwise, so other ids reveal nothing).
     */
    private List<SessionFacts> sessionsOf(long orgId, long activityId) {
        CurrentAccount account = signedIn();
        if (organisations.roleOf(account.id(), orgId).isEmpty()) {
            throw RuleViolation.forbidden();
        }
        List<SessionFacts> sessions = enrolments.sessionsOf(activityId);
        if (sessions.isEmpty() || sessions.getFirst().organisationId() != orgId || sessions.getFirst().siteId() != Sites.current().id()) {
            throw RuleViolation.notFound();
        }
        return sessions;
    }

    private static Group group(SessionFacts session, Places places, List<SessionEnrolment> enrolmentsOfPool) {
        return new Group(session, places,
                enrolmentsOfPool.stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED).toList(),
                enrolmentsOfPool.stream().filter(e -> e.status() == EnrolmentStatus.WAITLISTED).toList(),
                enrolmentsOfPool.stream().filter(e -> e.status() == EnrolmentStatus.CANCELLED).toList());
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
