package org.learningmap.enrolment;

import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A trusted person manages the bookings of someone who lets them: sees their sign-ups and cancels
 * one. Signing them up happens on the usual sign-up step, with "for whom" chosen there. Only while
 * the grant lasts (403 otherwise); every action shows in the person's log.
 */
@Controller
class HelpedPersonPages {

    private final Enrolments enrolments;
    private final Accounts accounts;

    HelpedPersonPages(Enrolments enrolments, Accounts accounts) {
        this.enrolments = enrolments;
        this.accounts = accounts;
    }

    @GetMapping("/account/people-i-help/{personId}/sign-ups")
    String signUps(@PathVariable long personId, jakarta.servlet.http.HttpServletRequest request, Model model) {
        CurrentAccount me = signedIn();
        requireHelper(me, personId);
        model.addAttribute("person", accounts.byId(personId).map(AccountSummary::displayName).orElseThrow(RuleViolation::notFound));
        model.addAttribute("personId", personId);
        model.addAttribute("enrolments", enrolments.enrolmentsOf(personId));
        model.addAttribute("done", request.getParameter("done") != null);
        return "enrolment/helped-sign-ups";
    }

    @PostMapping("/account/people-i-help/{personId}/sign-ups/{id}/cancel")
    String cancel(@PathVariable long personId, @PathVariable long id, RedirectAttributes redirect) {
        CurrentAccount me = signedIn();
        requireHelper(me, personId);
        enrolments.cancelOnBehalf(id, me.id(), personId);
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/account/people-i-help/" + personId + "/sign-ups";
    }

    private void requireHelper(CurrentAccount me, long personId) {
        if (me.id() == personId || !enrolments.mayActFor(me.id(), personId)) {
            throw RuleViolation.forbidden();
        }
    }

    private static CurrentAccount signedIn() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }
}
