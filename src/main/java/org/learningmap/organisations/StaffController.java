package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.util.List;
import java.util.Set;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff area: a person's organisations, and for each its profile, staff and venues. */
@Controller
class StaffController {

    private static final Set<String> STAFF_FORM_RULES = Set.of(StaffDesk.UNKNOWN_ACCOUNT, StaffDesk.ALREADY_MEMBER);

    private final Organisations organisations;
    private final StaffDesk desk;
    private final VenueDesk venues;
    private final StaffPolicy policy;
    private final Sites sites;
    private final PageSupport pages;

    StaffController(Organisations organisations, StaffDesk desk, VenueDesk venues, StaffPolicy policy, Sites sites,
                    PageSupport pages) {
        this.organisations = organisations;
        this.desk = desk;
        this.venues = venues;
        this.policy = policy;
        this.sites = sites;
        this.pages = pages;
    }

    @GetMapping("/staff")
    String home(Model model) {
        CurrentAccount me = PageSupport.me();
        model.addAttribute("memberships", organisations.membershipsOf(me.id()));
        model.addAttribute("coordinator", me.coordinates(Sites.current().id()));
        return "organisations/staff-home";
    }

    @GetMapping("/staff/organisations/{id}")
    String organisation(@PathVariable long id, Model model) {
        Organisation organisation = desk.open(id, PageSupport.me().id());
        return show(model, organisation, OrganisationForm.of(organisation), new FieldErrors(), null);
    }

    @PostMapping("/staff/organisations/{id}")
    String saveProfile(@PathVariable long id, @ModelAttribute("form") OrganisationForm form, Model model) {
        CurrentAccount me = PageSupport.me();
        Organisation organisation = desk.open(id, me.id());
        if (!policy.canEditProfile(me.id(), id)) {
            throw RuleViolation.forbidden();
        }
        FieldErrors errors = new FieldErrors();
        OrganisationProfile profile = form.check(siteOf(organisation).languages(), errors);
        if (errors.any()) {
            return show(model, organisation, form, errors, null);
        }
        desk.editProfile(id, me.id(), profile);
        return "redirect:/staff/organisations/" + id + "?saved";
    }

    @PostMapping("/staff/organisations/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam(required = false) String email,
                    @RequestParam(required = false) String role, Model model) {
        CurrentAccount me = PageSupport.me();
        Organisation organisation = desk.open(id, me.id());
        if (!policy.canManageStaff(me.id(), id)) {
            throw RuleViolation.forbidden();
        }
        FieldErrors errors = new FieldErrors();
        String checkedEmail = InputChecks.email(email, "staffEmail", true, errors);
        StaffRole checkedRole = InputChecks.choice(role, StaffRole.class, "staffRole", errors);
        if (!errors.any()) {
            try {
                desk.addStaff(id, me.id(), checkedEmail, checkedRole);
                return "redirect:/staff/organisations/" + id + "?staffAdded";
            } catch (RuleViolation violation) {
                if (!STAFF_FORM_RULES.contains(violation.reason())) {
                    throw violation;
                }
                errors.reject("staffEmail", violation.reason(), violation.arguments());
            }
        }
        return show(model, organisation, OrganisationForm.of(organisation), errors, new StaffInvitation(email, role));
    }

    @PostMapping("/staff/organisations/{id}/staff/{accountId}/role")
    String changeRole(@PathVariable long id, @PathVariable long accountId, @RequestParam(required = false) String role,
                      RedirectAttributes redirect) {
        CurrentAccount me = PageSupport.me();
        StaffRole checked = InputChecks.parse(role, StaffRole.class)
                .orElseThrow(() -> RuleViolation.badRequest("validation.choose"));
        try {
            desk.changeRole(id, me.id(), accountId, checked);
            redirect.addFlashAttribute("done", "staff.role-changed");
        } catch (RuleViolation violation) {
            rethrowUnlessLastOwner(violation);
            redirect.addFlashAttribute("problem", violation.reason());
        }
        return afterStaffChange(id, me);
    }

    @PostMapping("/staff/organisations/{id}/staff/{accountId}/removal")
    String removeStaff(@PathVariable long id, @PathVariable long accountId, RedirectAttributes redirect) {
        CurrentAccount me = PageSupport.me();
        try {
            desk.removeStaff(id, me.id(), accountId);
            redirect.addFlashAttribute("done", "staff.removed");
        } catch (RuleViolation violation) {
            rethrowUnlessLastOwner(violation);
            redirect.addFlashAttribute("problem", violation.reason());
        }
        return afterStaffChange(id, me);
    }

    /** Someone who removed themselves can no longer see the organisation, so they go back to their list. */
    private String afterStaffChange(long id, CurrentAccount me) {
        return policy.canSeeStaffPage(me.id(), id) ? "redirect:/staff/organisations/" + id : "redirect:/staff";
    }

    private static void rethrowUnlessLastOwner(RuleViolation violation) {
        if (!StaffDesk.LAST_OWNER.equals(violation.reason())) {
            throw violation;
        }
    }

    /** What was typed into the add-staff form, shown again beside its errors. */
    record StaffInvitation(String email, String role) {
    }

    private String show(Model model, Organisation organisation, OrganisationForm form, FieldErrors errors,
                        StaffInvitation invitation) {
        long me = PageSupport.me().id();
        Site site = siteOf(organisation);
        List<StaffMember> staff = desk.staffOf(organisation.id());
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisationSite", site);
        model.addAttribute("role", policy.roleOf(me, organisation.id()).orElseThrow());
        model.addAttribute("canEditProfile", policy.canEditProfile(me, organisation.id()));
        model.addAttribute("canManageStaff", policy.canManageStaff(me, organisation.id()));
        model.addAttribute("canEditVenues", policy.canEditVenues(me, organisation.id()));
        model.addAttribute("form", form);
        model.addAttribute("invitation", invitation == null ? new StaffInvitation("", StaffRole.EDUCATOR.name()) : invitation);
        model.addAttribute("staff", staff);
        model.addAttribute("venues", venues.venuesOf(organisation.id()));
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("languages", site.languages());
        pages.errors(model, errors);
        return "organisations/staff-organisation";
    }

    private Site siteOf(Organisation organisation) {
        return sites.byId(organisation.siteId()).orElseThrow(RuleViolation::notFound);
    }
}
