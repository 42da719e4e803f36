package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The site coordinator's queue of applications: approve, or reject with a reason. */
@Controller
class CoordinatorController {

    /** One application as the coordinator sees it. */
    record Entry(Organisation organisation, String appliedAt, String decidedAt, String applicants) {
    }

    private final OrganisationRepository organisations;
    private final Applications applications;
    private final StaffRepository staff;
    private final AccountDirectory accounts;
    private final PageSupport pages;

    CoordinatorController(OrganisationRepository organisations, Applications applications, StaffRepository staff,
                          AccountDirectory accounts, PageSupport pages) {
        this.organisations = organisations;
        this.applications = applications;
        this.staff = staff;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/coordinator/organisations")
    String queue(Model model) {
        return show(model, coordinator(), null, new FieldErrors());
    }

    @PostMapping("/coordinator/organisations/{id}/approval")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean verified, RedirectAttributes redirect) {
        CurrentAccount me = coordinator();
        try {
            applications.approve(id, me, verified);
            redirect.addFlashAttribute("done", "coordinator.approved");
        } catch (RuleViolation violation) {
            rethrowUnlessRule(violation);
            redirect.addFlashAttribute("problem", violation.reason());
        }
        return "redirect:/coordinator/organisations";
    }

    @PostMapping("/coordinator/organisations/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        CurrentAccount me = coordinator();
        String cleaned = InputChecks.clean(reason);
        FieldErrors errors = new FieldErrors();
        if (cleaned == null) {
            errors.reject("reason", Applications.REASON_REQUIRED);
        } else if (cleaned.length() > 2000) {
            errors.reject("reason", "input.too-long", 2000);
        }
        if (errors.any()) {
            return show(model, me, id, errors);
        }
        try {
            applications.reject(id, me, cleaned);
            redirect.addFlashAttribute("done", "coordinator.rejected");
        } catch (RuleViolation violation) {
            rethrowUnlessRule(violation);
            redirect.addFlashAttribute("problem", violation.reason());
        }
        return "redirect:/coordinator/organisations";
    }

    private String show(Model model, CurrentAccount me, Long rejecting, FieldErrors errors) {
        Site site = Sites.current();
        List<Entry> pending = organisations.pending(site.id()).stream().map(o -> entry(o, site)).toList();
        List<Entry> decided = organisations.recentlyDecided(site.id(), 20).stream().map(o -> entry(o, site)).toList();
        model.addAttribute("pending", pending);
        model.addAttribute("decided", decided);
        model.addAttribute("rejecting", rejecting);
        pages.errors(model, errors);
        return "organisations/coordinator";
    }

    private Entry entry(Organisation organisation, Site site) {
        List<Long> owners = staff.ownersOf(organisation.id());
        Map<Long, AccountDirectory.AccountContact> contacts = accounts.contactsOf(owners);
        String applicants = String.join(", ", owners.stream().map(contacts::get).filter(java.util.Objects::nonNull)
                .map(c -> c.displayName() + " <" + c.email() + ">").toList());
        return new Entry(organisation, PageSupport.dateTime(organisation.createdAt(), site.zone()),
                PageSupport.dateTime(organisation.decidedAt(), site.zone()), applicants);
    }

    /** Only coordinators of this site, and platform administrators, see its queue. */
    private static CurrentAccount coordinator() {
        CurrentAccount me = PageSupport.me();
        if (!me.coordinates(Sites.current().id())) {
            throw RuleViolation.forbidden();
        }
        return me;
    }

    private static void rethrowUnlessRule(RuleViolation violation) {
        if (!Applications.ALREADY_DECIDED.equals(violation.reason())) {
            throw violation;
        }
    }
}
