package org.learningmap.recognition.playlists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityCard;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation editors and site coordinators build playlists: name and description in the site's
 * languages, ordered or not, how many items complete it, items with prerequisites; publishing makes
 * the badge. Each action checks that the person may build for the playlist's organisation.
 */
@Controller
class StaffPlaylistsController {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;

    /** The playlist as typed into its form. */
    record PlaylistForm(Long organisationId, Map<String, String> name, Map<String, String> description, Boolean ordered,
                        String requiredCount) {

        PlaylistForm {
            name = name == null ? Map.of() : name;
            description = description == null ? Map.of() : description;
            ordered = ordered != null && ordered;
        }

        static PlaylistForm of(Playlist playlist) {
            return new PlaylistForm(playlist.organisationId(), playlist.name().values(), playlist.description().values(),
                    playlist.ordered(), playlist.requiredCount() == null ? "" : playlist.requiredCount().toString());
        }
    }

    private final Playlists playlists;
    private final PlaylistPages pages;
    private final Organisations organisations;
    private final Catalogue catalogue;
    private final MessageSource messages;

    StaffPlaylistsController(Playlists playlists, PlaylistPages pages, Organisations organisations, Catalogue catalogue,
                             MessageSource messages) {
        this.playlists = playlists;
        this.pages = pages;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/staff/playlists")
    String list(Model model) {
        CurrentAccount me = PlaylistPages.me();
        Site site = Sites.current();
        model.addAttribute("playlists", playlists.editableBy(me, site.id()));
        model.addAttribute("mayCreate", !issuers(me, site).isEmpty());
        return "recognition/playlists/staff-list";
    }

    @GetMapping("/staff/playlists/new")
    String form(Model model) {
        CurrentAccount me = PlaylistPages.me();
        Map<Long, LocalizedText> issuers = issuers(me, Sites.current());
        if (issuers.isEmpty()) {
            throw RuleViolation.forbidden();
        }
        return showNew(model, new PlaylistForm(issuers.size() == 1 ? issuers.keySet().iterator().next() : null, Map.of(), Map.of(),
                false, ""), Map.of(), issuers);
    }

    @PostMapping("/staff/playlists")
    String create(@ModelAttribute("form") PlaylistForm form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        CurrentAccount me = PlaylistPages.me();
        Site site = Sites.current();
        Map<Long, LocalizedText> issuers = issuers(me, site);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.organisationId() == null || !issuers.containsKey(form.organisationId())) {
            errors.put("organisationId", text("recognition-portfolio.playlist.error.organisation"));
        }
        Checked checked = check(form, site, errors);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return showNew(model, form, errors, issuers);
        }
        long id = playlists.create(me, form.organisationId(), checked.name(), checked.description(), form.ordered(), checked.required());
        return "redirect:/staff/playlists/" + id + "?created";
    }

    @GetMapping("/staff/playlists/{id}")
    String edit(@PathVariable long id, Model model) {
        Playlist playlist = editable(id);
        return showEdit(model, playlist, PlaylistForm.of(playlist), Map.of());
    }

    @PostMapping("/staff/playlists/{id}")
    String save(@PathVariable long id, @ModelAttribute("form") PlaylistForm form, Model model,
                jakarta.servlet.http.HttpServletResponse response, RedirectAttributes redirect) {
        Playlist playlist = editable(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Checked checked = check(form, Sites.current(), errors);
        if (checked.required() != null && playlist.published() && checked.required() > playlist.items().size()) {
            errors.put("requiredCount", text("recognition-portfolio.playlist.required-too-many", checked.required(), playlist.items().size()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return showEdit(model, playlist, form, errors);
        }
        playlists.edit(PlaylistPages.me(), id, checked.name(), checked.description(), form.ordered(), checked.required());
        redirect.addFlashAttribute("done", text("recognition-portfolio.playlist.saved"));
        return "redirect:/staff/playlists/" + id;
    }

    @PostMapping("/staff/playlists/{id}/items")
    String addItem(@PathVariable long id, @RequestParam(required = false) String activity,
                   @RequestParam(required = false) String chosen, @RequestParam(required = false) Long requires,
                   RedirectAttributes redirect) {
        editable(id);
        String typed = activity != null && !activity.isBlank() ? activity : chosen;
        var activityId = PlaylistPages.activityReference(typed);
        if (activityId.isEmpty()) {
            redirect.addFlashAttribute("problem", text("recognition-portfolio.playlist.error.activity"));
        } else {
            pages.attempt(redirect, "recognition-portfolio.playlist.item-added",
                    () -> playlists.addItem(PlaylistPages.me(), id, activityId.get(), requires));
        }
        return "redirect:/staff/playlists/" + id + "#items";
    }

    @PostMapping("/staff/playlists/{id}/items/{activityId}/delete")
    String removeItem(@PathVariable long id, @PathVariable long activityId, RedirectAttributes redirect) {
        editable(id);
        pages.attempt(redirect, "recognition-portfolio.playlist.item-removed",
                () -> playlists.removeItem(PlaylistPages.me(), id, activityId));
        return "redirect:/staff/playlists/" + id + "#items";
    }

    @PostMapping("/staff/playlists/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        editable(id);
        pages.attempt(redirect, "recognition-portfolio.playlist.published", () -> playlists.publish(PlaylistPages.me(), id));
        return "redirect:/staff/playlists/" + id;
    }

    @PostMapping("/staff/playlists/{id}/unpublish")
    String unpublish(@PathVariable long id, RedirectAttributes redirect) {
        editable(id);
        pages.attempt(redirect, "recognition-portfolio.playlist.unpublished", () -> playlists.unpublish(PlaylistPages.me(), id));
        return "redirect:/staff/playlists/" + id;
    }

    private record Checked(LocalizedText name, LocalizedText description, Integer required) {
    }

    private Checked check(PlaylistForm form, Site site, Map<String, String> errors) {
        LocalizedText name = LocalizedText.EMPTY;
        LocalizedText description = LocalizedText.EMPTY;
        for (String language : site.languages()) {
            name = name.with(language, form.name().get(language));
            description = description.with(language, form.description().get(language));
        }
        if (name.isEmpty()) {
            errors.put("name", text("recognition-portfolio.playlist.error.name"));
        } else if (name.values().values().stream().anyMatch(value -> value.length() > NAME_MAX)) {
            errors.put("name", text("recognition-portfolio.playlist.error.too-long", NAME_MAX));
        }
        if (description.values().values().stream().anyMatch(value -> value.length() > DESCRIPTION_MAX)) {
            errors.put("description", text("recognition-portfolio.playlist.error.too-long", DESCRIPTION_MAX));
        }
        Integer required = null;
        String typed = form.requiredCount() == null ? "" : form.requiredCount().strip();
        if (!typed.isEmpty()) {
            try {
                required = Integer.parseInt(typed);
                if (required < 1 || required > Playlists.MAX_ITEMS) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException notANumber) {
                errors.put("requiredCount", text("recognition-portfolio.playlist.error.required", Playlists.MAX_ITEMS));
            }
        }
        return new Checked(name, description, required);
    }

    private String showNew(Model model, PlaylistForm form, Map<String, String> errors, Map<Long, LocalizedText> issuers) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("issuers", issuers);
        model.addAttribute("languages", Sites.current().languages());
        return "recognition/playlists/staff-new";
    }

    private String showEdit(Model model, Playlist playlist, PlaylistForm form, Map<String, String> errors) {
        model.addAttribute("playlist", playlist);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", Sites.current().languages());
        model.addAttribute("activities", pages.activities(playlist.items().stream().map(Playlist.Item::activityId).toList()));
        model.addAttribute("issuer", organisations.nameOf(playlist.organisationId()).orElse(LocalizedText.EMPTY));
        List<ActivityCard> own = catalogue.upcomingByOrganisation(playlist.organisationId(), 50).stream()
                .filter(card -> playlist.item(card.id()).isEmpty()).toList();
        model.addAttribute("choices", own);
        return "recognition/playlists/staff-edit";
    }

    private Playlist editable(long id) {
        Playlist playlist = playlists.playlist(id).filter(p -> p.siteId() == Sites.current().id()).orElseThrow(RuleViolation::notFound);
        if (!playlists.mayEdit(PlaylistPages.me(), playlist)) {
            throw RuleViolation.forbidden();
        }
        return playlist;
    }

    /** The organisations the person may build playlists for on this site. */
    private Map<Long, LocalizedText> issuers(CurrentAccount me, Site site) {
        Map<Long, LocalizedText> issuers = new LinkedHashMap<>();
        organisations.membershipsOf(me.id()).stream()
                .filter(m -> m.siteId() == site.id() && m.role().atLeast(StaffRole.EDITOR) && "APPROVED".equals(m.status()))
                .forEach(m -> issuers.put(m.organisationId(), m.organisationName()));
        if (me.coordinates(site.id())) {
            issuers.putAll(organisations.approvedOf(site.id()));
        }
        return issuers;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
