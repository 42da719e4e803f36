package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.learningmap.shared.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform administrator's pages for sites: the list, a new site, and a site's settings and logo. */
@Controller
class SiteAdminController {

    private final SiteAdministration administration;
    private final MessageSource messages;

    SiteAdminController(SiteAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/admin/sites")
    String list(Model model) {
        model.addAttribute("sites", administration.allSites());
        return "sites/admin-sites";
    }

    @GetMapping("/admin/sites/new")
    String newSite(Model model) {
        administration.allSites();
        return form(model, null, SiteForm.empty(), Map.of());
    }

    @PostMapping("/admin/sites")
    String create(@ModelAttribute("form") SiteForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            long id = administration.create(form);
            redirect.addFlashAttribute("done", "site-admin.created");
            return "redirect:/admin/sites/" + id;
        } catch (FieldErrors.Invalid invalid) {
            return form(model, null, form, invalid.errors().messages(messages, locale));
        }
    }

    @GetMapping("/admin/sites/{id}")
    String edit(@PathVariable long id, Model model) {
        Site site = administration.siteToEdit(id);
        return form(model, site, SiteForm.of(site), Map.of());
    }

    @PostMapping("/admin/sites/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") SiteForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Site site = administration.siteToEdit(id);
        try {
            administration.update(id, form);
            redirect.addFlashAttribute("done", "site-admin.saved");
            return "redirect:/admin/sites/" + id;
        } catch (FieldErrors.Invalid invalid) {
            return form(model, site, form, invalid.errors().messages(messages, locale));
        }
    }

    @PostMapping("/admin/sites/{id}/logo")
    String uploadLogo(@PathVariable long id, @RequestParam(name = "logo", required = false) MultipartFile file, Model model,
                      Locale locale, RedirectAttributes redirect) throws IOException {
        Site site = administration.siteToEdit(id);
        try {
            if (file != null && file.getSize() > LogoImage.MAX_BYTES) {
                FieldErrors errors = new FieldErrors();
                errors.reject("logo", "site-admin.error.logo-too-large", 1);
                throw new FieldErrors.Invalid(errors);
            }
            administration.uploadLogo(id, file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("done", "site-admin.logo-saved");
            return "redirect:/admin/sites/" + id;
        } catch (FieldErrors.Invalid invalid) {
            return form(model, site, SiteForm.of(site), invalid.errors().messages(messages, locale));
        }
    }

    @PostMapping("/admin/sites/{id}/logo/removal")
    String removeLogo(@PathVariable long id, RedirectAttributes redirect) {
        administration.removeLogo(id);
        redirect.addFlashAttribute("done", "site-admin.logo-removed");
        return "redirect:/admin/sites/" + id;
    }

    private String form(Model model, Site edited, SiteForm form, Map<String, String> errors) {
        model.addAttribute("edited", edited);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allLanguages", Languages.INTERFACE);
        return "sites/admin-site";
    }
}
