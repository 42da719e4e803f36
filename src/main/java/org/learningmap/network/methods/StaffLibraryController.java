package org.learningmap.network.methods;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.Audience;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Editors and owners manage their organisation's library items; staff of other organisations get 403, other sites 404. */
@Controller
class StaffLibraryController {

    /** The organisation a page is about. */
    record OrganisationRef(long id, LocalizedText name) {
    }

    private final MethodsLibrary library;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final MessageSource messages;

    StaffLibraryController(MethodsLibrary library, Organisations organisations, Catalogue catalogue, MessageSource messages) {
        this.library = library;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/staff/organisations/{id}/library")
    String items(@PathVariable long id, Model model) {
        editor(id, model);
        model.addAttribute("items", library.ofOrganisation(id));
        return "network/methods/staff-items";
    }

    @GetMapping("/staff/organisations/{id}/library/new")
    String newItem(@PathVariable long id, Model model) {
        long site = editor(id, model);
        return form(model, site, LibraryInput.empty(), Map.of());
    }

    @PostMapping("/staff/organisations/{id}/library")
    String create(@PathVariable long id, @ModelAttribute LibraryInput input,
                  @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        CurrentAccount me = me();
        long site = editor(id, model);
        try {
            long item = library.create(site, id, input, upload(file), me.id());
            return "redirect:/staff/organisations/" + id + "/library/" + item + "?created";
        } catch (FieldErrors.Invalid invalid) {
            return form(model, site, input, invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        }
    }

    @GetMapping("/staff/organisations/{id}/library/{itemId}")
    String item(@PathVariable long id, @PathVariable long itemId, Model model) {
        editor(id, model);
        return itemPage(model, library.itemOf(itemId, id), Map.of());
    }

    @PostMapping("/staff/organisations/{id}/library/{itemId}/versions")
    String addVersion(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String note, Model model) throws IOException {
        CurrentAccount me = me();
        editor(id, model);
        LibraryItem item = library.itemOf(itemId, id);
        try {
            library.addVersion(itemId, id, upload(file), note, me.id());
            return "redirect:/staff/organisations/" + id + "/library/" + itemId + "?versionAdded";
        } catch (FieldErrors.Invalid invalid) {
            return itemPage(model, item, invalid.errors().messages(messages, LocaleContextHolder.getLocale()));
        }
    }

    @PostMapping("/staff/organisations/{id}/library/{itemId}/deletion")
    String delete(@PathVariable long id, @PathVariable long itemId, Model model) {
        editor(id, model);
        library.delete(itemId, id);
        return "redirect:/staff/organisations/" + id + "/library?deleted";
    }

    private String itemPage(Model model, LibraryItem item, Map<String, String> errors) {
        model.addAttribute("item", item);
        model.addAttribute("versions", library.versions(item.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("accepted", library.acceptedTypes());
        return "network/methods/staff-item";
    }

    private String form(Model model, long site, LibraryInput input, Map<String, String> errors) {
        model.addAttribute("form", input);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", LibraryKind.values());
        model.addAttribute("topics", catalogue.topics(site));
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("languages", Languages.INTERFACE);
        model.addAttribute("accepted", library.acceptedTypes());
        return "network/methods/staff-item-form";
    }

    private static MethodsLibrary.Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return new MethodsLibrary.Upload(file.getOriginalFilename(), file.getBytes());
    }

    private static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /** The site after checking the account is an editor or owner of the organisation, and that it is on this site. */
    private long editor(long organisationId, Model model) {
        CurrentAccount me = me();
        if (!organisations.hasRole(me.id(), organisationId, StaffRole.EDITOR)) {
            throw RuleViolation.forbidden();
        }
        long site = Sites.current().id();
        if (organisations.siteOf(organisationId).filter(s -> s == site).isEmpty()) {
            throw RuleViolation.notFound();
        }
        model.addAttribute("organisation", new OrganisationRef(organisationId,
                organisations.nameOf(organisationId).orElse(LocalizedText.EMPTY)));
        return site;
    }

}
