package org.learningmap.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' pages for the items of the check: the list with filters, editing with a preview, the history, retiring and restoring. */
@Controller
@RequestMapping("/coordinator/skills-check/items")
class ItemEditorController {

    private final ItemEditing editing;
    private final Frameworks frameworks;
    private final MessageSource messages;

    ItemEditorController(ItemEditing editing, Frameworks frameworks, MessageSource messages) {
        this.editing = editing;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String competence, @RequestParam(required = false) String band,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String status, Model model) {
        List<ItemVersions.Entry> entries = editing.list(competence, band, kind, status);
        Framework framework = frameworks.byIdOrDefault(Frameworks.DEFAULT);
        Map<Framework.Competence, List<ItemVersions.Entry>> byCompetence = new LinkedHashMap<>();
        for (Framework.Competence c : framework.competences()) {
            List<ItemVersions.Entry> of = entries.stream().filter(e -> e.item().competence().equals(c.code())).toList();
            if (!of.isEmpty()) {
                byCompetence.put(c, of);
            }
        }
        model.addAttribute("byCompetence", byCompetence);
        model.addAttribute("count", entries.size());
        model.addAttribute("competences", framework.competences());
        model.addAttribute("kinds", Item.Kind.values());
        model.addAttribute("bands", Band.values());
        model.addAttribute("filter", Map.of("competence", value(competence), "band", value(band), "kind", value(kind),
                "status", value(status)));
        return "assessment/coordinator-items";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        ItemVersions.Entry entry = editing.item(id);
        return edit(model, entry, ItemForm.of(entry.item()), Map.of(), false);
    }

    @PostMapping("/{id}")
    String save(@PathVariable String id, @RequestParam(required = false) String action, HttpServletRequest request,
                Model model, Locale locale, RedirectAttributes redirect) {
        ItemVersions.Entry entry = editing.item(id);
        ItemForm form = ItemForm.read(entry.item(), request.getParameterMap());
        if ("preview".equals(action)) {
            return edit(model, entry, form, translate(form.errors(entry.item()), locale), true);
        }
        try {
            ItemEditing.Saved saved = editing.save(id, form);
            if (saved.changed()) {
                redirect.addFlashAttribute("done", "assessment.items.saved");
                redirect.addFlashAttribute("doneVersion", saved.version());
            } else {
                redirect.addFlashAttribute("done", "assessment.items.unchanged");
            }
            return "redirect:/coordinator/skills-check/items/" + id;
        } catch (ItemEditing.Invalid invalid) {
            return edit(model, entry, form, translate(invalid.errors(), locale), false);
        }
    }

    @PostMapping("/{id}/retirement")
    String retire(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> editing.retire(id), "assessment.items.retired-done");
    }

    @PostMapping("/{id}/restoration")
    String restore(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> editing.restore(id), "assessment.items.restored-done");
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@PathVariable String id, @PathVariable int version, Model model, Locale locale) {
        ItemVersions.Entry entry = editing.item(id);
        ItemVersions.Version shown = editing.version(id, version);
        model.addAttribute("entry", entry);
        model.addAttribute("shown", shown);
        model.addAttribute("labels", QuestionLabels.of(messages, locale.getLanguage()));
        model.addAttribute("competence", frameworks.byIdOrDefault(Frameworks.DEFAULT).competence(entry.item().competence()).orElseThrow());
        model.addAttribute("zone", Sites.current().zone());
        return "assessment/coordinator-item-version";
    }

    private String act(String id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (RuleViolation refused) {
            if (refused.status().value() == 403 || refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.reason());
        }
        return "redirect:/coordinator/skills-check/items/" + id;
    }

    private String edit(Model model, ItemVersions.Entry entry, ItemForm form, Map<String, String> errors, boolean preview) {
        Item current = entry.item();
        model.addAttribute("entry", entry);
        model.addAttribute("item", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bands", Band.values());
        model.addAttribute("languages", ItemForm.LANGUAGES);
        model.addAttribute("competence", frameworks.byIdOrDefault(Frameworks.DEFAULT).competence(current.competence()).orElseThrow());
        model.addAttribute("history", editing.history(current.id()));
        model.addAttribute("zone", Sites.current().zone());
        if (preview) {
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            ItemForm.LANGUAGES.forEach(l -> labels.put(l, QuestionLabels.of(messages, l)));
            model.addAttribute("previewItem", form.toItem(current));
            model.addAttribute("previewLabels", labels);
        }
        return "assessment/coordinator-item";
    }

    private Map<String, String> translate(Map<String, String> errors, Locale locale) {
        Map<String, String> translated = new LinkedHashMap<>();
        errors.forEach((field, key) -> translated.put(field, messages.getMessage(key, null, locale)));
        return translated;
    }

    private static String value(String typed) {
        return typed == null ? "" : typed;
    }
}
