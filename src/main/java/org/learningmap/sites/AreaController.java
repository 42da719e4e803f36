package org.learningmap.sites;

import org.learningmap.platform.FieldErrors;
import java.util.Locale;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A site's areas (municipalities, counties, oblasts), kept by its coordinators and the platform administrators. */
@Controller
class AreaController {

    private final SiteAdministration administration;
    private final MessageSource messages;

    AreaController(SiteAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/coordinator/sites/{siteId}/areas")
    String list(@PathVariable long siteId, Model model) {
        return list(model, siteId, AreaForm.empty(), Map.of());
    }

    @PostMapping("/coordinator/sites/{siteId}/areas")
    String add(@PathVariable long siteId, @ModelAttribute("form") AreaForm form, Model model, Locale locale,
               RedirectAttributes redirect) {
        try {
            administration.addArea(siteId, form);
            redirect.addFlashAttribute("done", "site-admin.area.added");
            return "redirect:/coordinator/sites/" + siteId + "/areas";
        } catch (FieldErrors.Invalid invalid) {
            return list(model, siteId, form, invalid.errors().messages(messages, locale));
        }
    }

    @GetMapping("/coordinator/sites/{siteId}/areas/{areaId}")
    String edit(@PathVariable long siteId, @PathVariable long areaId, Model model) {
        Area area = administration.area(siteId, areaId);
        return edit(model, siteId, area, AreaForm.of(area), Map.of());
    }

    @PostMapping("/coordinator/sites/{siteId}/areas/{areaId}")
    String update(@PathVariable long siteId, @PathVariable long areaId, @ModelAttribute("form") AreaForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Area area = administration.area(siteId, areaId);
        try {
            administration.updateArea(siteId, areaId, form);
            redirect.addFlashAttribute("done", "site-admin.area.saved");
            return "redirect:/coordinator/sites/" + siteId + "/areas";
        } catch (FieldErrors.Invalid invalid) {
            return edit(model, siteId, area, form, invalid.errors().messages(messages, locale));
        }
    }

    @PostMapping("/coordinator/sites/{siteId}/areas/{areaId}/removal")
    String remove(@PathVariable long siteId, @PathVariable long areaId, RedirectAttributes redirect) {
        try {
            administration.removeArea(siteId, areaId);
            redirect.addFlashAttribute("done", "site-admin.area.removed");
        } catch (RuleViolation refused) {
            if (refused.status().value() == 403 || refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.reason());
        }
        return "redirect:/coordinator/sites/" + siteId + "/areas";
    }

    private String list(Model model, long siteId, AreaForm form, Map<String, String> errors) {
        model.addAttribute("areas", administration.areas(siteId));
        model.addAttribute("managed", administration.site(siteId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("admin", administration.canAdministerSites());
        return "sites/areas";
    }

    private String edit(Model model, long siteId, Area area, AreaForm form, Map<String, String> errors) {
        model.addAttribute("managed", administration.site(siteId));
        model.addAttribute("area", area);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "sites/area";
    }
}
