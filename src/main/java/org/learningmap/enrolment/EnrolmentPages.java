package org.learningmap.enrolment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own sign-ups: signing up (after signing in, coming back here), the outcome, "My
 * sign-ups" with cancelling, and giving up a place by the secret link without signing in.
 */
@Controller
class EnrolmentPages {

    static final String ANSWER_PREFIX = "answer.";

    private final Enrolments enrolments;
    private final RegistrationQuestions questions;

    EnrolmentPages(Enrolments enrolments, RegistrationQuestions questions) {
        this.enrolments = enrolments;
        this.questions = questions;
    }

    @GetMapping("/account/enrolments")
    String mine(Model model) {
        CurrentAccount account = signedIn();
        model.addAttribute("enrolments", enrolments.enrolmentsOf(account.id()));
        return "enrolment/my-enrolments";
    }

    /** The step before signing up: what, when, places left, the activity's questions. */
    @GetMapping("/account/enrolments/new")
    String start(@RequestParam long session, Model model) {
        CurrentAccount account = signedIn();
        SessionFacts facts = enrolments.session(session).orElseThrow(RuleViolation::notFound);
        var existing = enrolments.enrolmentFor(session, account.id());
        var helping = enrolments.peopleHelpedBy(account.id());
        if (existing.isPresent() && helping.isEmpty()) {
            return "redirect:/account/enrolments/" + existing.get().enrolmentId();
        }
        model.addAttribute("helping", helping);
        model.addAttribute("signedUpMyself", existing.isPresent());
        model.addAttribute("facts", facts);
        model.addAttribute("choice", enrolments.signUpChoice(session));
        model.addAttribute("questions", questions.of(facts.activityId()));
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "enrolment/sign-up";
    }

    @PostMapping("/account/enrolments")
    String signUp(@RequestParam long session, @RequestParam(name = "requestKey", required = false) String requestKey,
                  @RequestParam(name = "for", required = false) Long forPerson, @RequestParam Map<String, String> form) {
        CurrentAccount account = signedIn();
        SessionFacts facts = enrolments.session(session).orElseThrow(RuleViolation::notFound);
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ANSWER_PREFIX)) {
                answers.put(name.substring(ANSWER_PREFIX.length()), value);
            }
        });
        Map<String, String> accepted = questions.accept(facts.activityId(), answers);
        if (forPerson != null && forPerson != account.id()) {
            enrolments.enrolOnBehalf(session, account.id(), forPerson, accepted, requestKey);
            return "redirect:/account/people-i-help/" + forPerson + "/sign-ups?done";
        }
        EnrolmentOutcome outcome = enrolments.enrol(session, account.id(), EnrolmentSource.SELF, null, accepted, requestKey);
        return "redirect:/account/enrolments/" + outcome.enrolmentId() + "?done=1";
    }

    @GetMapping("/account/enrolments/{id}")
    String one(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, Model model) {
        CurrentAccount account = signedIn();
        model.addAttribute("enrolment", enrolments.mine(id, account.id()).orElseThrow(RuleViolation::notFound));
        model.addAttribute("done", request.getParameter("done") != null);
        return "enrolment/enrolment";
    }

    @GetMapping("/account/enrolments/{id}/cancel")
    String confirmCancel(@PathVariable long id, Model model) {
        CurrentAccount account = signedIn();
        MyEnrolment enrolment = enrolments.mine(id, account.id()).orElseThrow(RuleViolation::notFound);
        if (!enrolment.active()) {
            return "redirect:/account/enrolments/" + id;
        }
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("action", "/account/enrolments/" + id + "/cancel");
        return "enrolment/cancel";
    }

    @PostMapping("/account/enrolments/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount account = signedIn();
        enrolments.mine(id, account.id()).orElseThrow(RuleViolation::notFound);
        enrolments.cancel(id, account.id());
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/account/enrolments";
    }

    /** The link from the e-mail: the sign-up and a button to give it up, no sign-in needed. */
    @GetMapping("/enrolment/manage/{token}")
    String manage(@PathVariable String token, Model model) {
        MyEnrolment enrolment = enrolments.byManageLink(token)
                .orElseThrow(() -> new RuleViolation(org.springframework.http.HttpStatus.NOT_FOUND, EnrolmentRules.INVALID_LINK));
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("action", "/enrolment/manage/" + token);
        model.addAttribute("byLink", true);
        return "enrolment/cancel";
    }

    @PostMapping("/enrolment/manage/{token}")
    String cancelByLink(@PathVariable String token, Model model) {
        enrolments.cancelByLink(token);
        model.addAttribute("enrolment", enrolments.byManageLink(token).orElseThrow());
        model.addAttribute("done", true);
        return "enrolment/enrolment";
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
