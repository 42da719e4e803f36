package org.learningmap.recognition.playlists;

import java.util.List;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public playlist pages, a signed-in learner's progress on them, and the learner's own private lists
 * ({@code /account/playlists}, only ever their own).
 */
@Controller
class PlaylistsController {

    private final Playlists playlists;
    private final PersonalPlaylists personal;
    private final PlaylistPages pages;
    private final Organisations organisations;

    PlaylistsController(Playlists playlists, PersonalPlaylists personal, PlaylistPages pages, Organisations organisations) {
        this.playlists = playlists;
        this.personal = personal;
        this.pages = pages;
        this.organisations = organisations;
    }

    @GetMapping("/playlists")
    String list(Model model) {
        model.addAttribute("playlists", playlists.publishedOf(Sites.current().id()));
        return "recognition/playlists/list";
    }

    @GetMapping("/playlists/{id}")
    String playlist(@PathVariable long id, Model model) {
        Playlist playlist = playlists.published(Sites.current().id(), id).orElseThrow(RuleViolation::notFound);
        model.addAttribute("playlist", playlist);
        model.addAttribute("issuer", organisations.nameOf(playlist.organisationId()).orElse(LocalizedText.EMPTY));
        model.addAttribute("activities", pages.activities(playlist.items().stream().map(Playlist.Item::activityId).toList()));
        model.addAttribute("progress", CurrentAccount.get().map(me -> playlists.progress(playlist, me.id())).orElse(null));
        return "recognition/playlists/playlist";
    }

    @GetMapping("/account/playlists")
    String mine(Model model) {
        CurrentAccount me = PlaylistPages.me();
        long site = Sites.current().id();
        model.addAttribute("lists", personal.of(me.id(), site));
        model.addAttribute("following", playlists.followedBy(me.id(), site));
        return "recognition/playlists/mine";
    }

    @PostMapping("/account/playlists")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Long from, RedirectAttributes redirect) {
        CurrentAccount me = PlaylistPages.me();
        long site = Sites.current().id();
        List<Long> activities = from == null ? List.of() : playlists.published(site, from).orElseThrow(RuleViolation::notFound)
                .items().stream().map(Playlist.Item::activityId).toList();
        long[] created = new long[1];
        pages.attempt(redirect, "recognition-portfolio.personal.created", () -> created[0] = personal.create(me.id(), site, name, activities));
        return created[0] == 0 ? "redirect:/account/playlists" : "redirect:/account/playlists/" + created[0];
    }

    @GetMapping("/account/playlists/{id}")
    String myList(@PathVariable long id, Model model) {
        var list = personal.find(PlaylistPages.me().id(), id).filter(l -> l.siteId() == Sites.current().id())
                .orElseThrow(RuleViolation::notFound);
        model.addAttribute("list", list);
        model.addAttribute("activities", pages.activities(list.activityIds()));
        return "recognition/playlists/my-list";
    }

    @PostMapping("/account/playlists/{id}/items")
    String add(@PathVariable long id, @RequestParam(required = false) String activity, RedirectAttributes redirect) {
        long me = PlaylistPages.me().id();
        var activityId = PlaylistPages.activityReference(activity);
        if (activityId.isEmpty()) {
            personal.find(me, id).orElseThrow(RuleViolation::notFound);
            redirect.addFlashAttribute("problem", pages.text("recognition-portfolio.playlist.error.activity"));
        } else {
            pages.attempt(redirect, "recognition-portfolio.playlist.item-added", () -> personal.add(me, id, activityId.get()));
        }
        return "redirect:/account/playlists/" + id;
    }

    @PostMapping("/account/playlists/{id}/items/{activityId}/delete")
    String remove(@PathVariable long id, @PathVariable long activityId, RedirectAttributes redirect) {
        long me = PlaylistPages.me().id();
        pages.attempt(redirect, "recognition-portfolio.playlist.item-removed", () -> personal.remove(me, id, activityId));
        return "redirect:/account/playlists/" + id;
    }

    @PostMapping("/account/playlists/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        long me = PlaylistPages.me().id();
        pages.attempt(redirect, "recognition-portfolio.personal.deleted", () -> personal.delete(me, id));
        return "redirect:/account/playlists";
    }
}
