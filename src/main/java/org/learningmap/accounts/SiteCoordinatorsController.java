package org.learningmap.accounts;

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

/** The platform administrator names a site's coordinators by e-mail address, and takes the role back. */
@Controller
class SiteCoordinatorsController {

    private final Accounts accounts;
    private final Sites sites;

    SiteCoordinatorsController(Accounts accounts, Sites sites) {
        this.accounts = accounts;
        this.sites = sites;
    }

    @GetMapping("/admin/sites/{siteId}/coordinators")
    String show(@PathVariable long siteId, Model model) {
        return page(model, site(siteId), "", null);
    }

    @PostMapping("/admin/sites/{siteId}/coordinators")
    String grant(@PathVariable long siteId, @RequestParam(name = "email", required = false) String email, Model model,
                 RedirectAttributes redirect) {
        Site site = site(siteId);
        if (email == null || email.isBlank()) {
            return page(model, site, "", "accounts.coordinator.email-required");
        }
        try {
            accounts.grantCoordinator(email, siteId);
        } catch (RuleViolation refused) {
            if (refused.status().value() == 403) {
                throw refused;
            }
            return page(model, site, email, refused.reason());
        }
        redirect.addFlashAttribute("done", "accounts.coordinator.granted");
        return "redirect:/admin/sites/" + siteId + "/coordinators";
    }

    @PostMapping("/admin/sites/{siteId}/coordinators/{accountId}/removal")
    String revoke(@PathVariable long siteId, @PathVariable long accountId, RedirectAttributes redirect) {
        site(siteId);
        accounts.revokeCoordinator(accountId, siteId);
        redirect.addFlashAttribute("done", "accounts.coordinator.revoked");
        return "redirect:/admin/sites/" + siteId + "/coordinators";
    }

    private Site site(long siteId) {
        return sites.byId(siteId).orElseThrow(RuleViolation::notFound);
    }

    private String page(Model model, Site site, String email, String error) {
        model.addAttribute("managed", site);
        model.addAttribute("coordinators", accounts.coordinatorsOf(site.id()));
        model.addAttribute("email", email);
        model.addAttribute("emailError", error);
        return "accounts/site-coordinators";
    }
}
