package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A signed-in person applies for their organisation to publish on this site. */
@Controller
class ApplicationController {

    private final Applications applications;
    private final PageSupport pages;

    ApplicationController(Applications applications, PageSupport pages) {
        this.applications = applications;
        this.pages = pages;
    }

    @GetMapping("/organisations/apply")
    String form(Model model) {
        PageSupport.me();
        return show(model, OrganisationForm.empty(), new FieldErrors());
    }

    @PostMapping("/organisations/apply")
    String apply(@ModelAttribute("form") OrganisationForm form, Model model) {
        var me = PageSupport.me();
        Site site = Sites.current();
        FieldErrors errors = new FieldErrors();
        OrganisationProfile profile = form.check(site.languages(), errors);
        if (errors.any()) {
            return show(model, form, errors);
        }
        long id = applications.apply(site.id(), me.id(), profile);
        return "redirect:/staff/organisations/" + id + "?applied";
    }

    private String show(Model model, OrganisationForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("languages", Sites.current().languages());
        pages.errors(model, errors);
        return "organisations/apply";
    }
}
