package org.learningmap.network;

import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The site's coordinator sets the safeguarding rule for volunteers under 18. */
@Controller
class SafeguardingRulePage {

    private final Volunteers volunteers;

    SafeguardingRulePage(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @GetMapping("/coordinator/volunteering")
    String show(Model model) {
        Site site = coordinatedSite();
        model.addAttribute("minorsNeverAlone", volunteers.minorsNeverAlone(site.id()));
        return "network/coordinator";
    }

    @PostMapping("/coordinator/volunteering")
    String save(@RequestParam(defaultValue = "false") boolean minorsNeverAlone, RedirectAttributes redirect) {
        Site site = coordinatedSite();
        volunteers.setMinorsNeverAlone(VolunteeringPages.signedIn().id(), site.id(), minorsNeverAlone);
        redirect.addFlashAttribute("done", "network.coordinator.saved");
        return "redirect:/coordinator/volunteering";
    }

    private static Site coordinatedSite() {
        Site site = Sites.current();
        if (!CurrentAccount.get().map(me -> me.coordinates(site.id())).orElse(false)) {
            throw RuleViolation.forbidden();
        }
        return site;
    }
}
