package org.learningmap.recognition.portfolio;

import jakarta.servlet.http.HttpServletRequest;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.playlists.Playlists;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's own portfolio at {@code /account/badges}: every award with its status, public or
 * private per award, collections, evidence, downloads, LinkedIn, and the public page's handle.
 * A person only ever sees and changes their own awards: anyone else's is "not found".
 */
@Controller
class PortfolioController {

    private final Portfolio portfolio;
    private final Imports imports;
    private final Playlists playlists;
    private final CredentialLinks links;
    private final MessageSource messages;

    PortfolioController(Portfolio portfolio, Imports imports, Playlists playlists, CredentialLinks links, MessageSource messages) {
        this.portfolio = portfolio;
        this.imports = imports;
        this.playlists = playlists;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/account/badges")
    String badges(Model model, HttpServletRequest request) {
        CurrentAccount me = me();
        Site site = Sites.current();
        Portfolio.Settings settings = portfolio.settings(me.id());
        model.addAttribute("entries", portfolio.entries(me.id()));
        model.addAttribute("imported", imports.of(me.id()));
        model.addAttribute("settings", settings);
        model.addAttribute("collections", portfolio.collections(me.id()));
        model.addAttribute("shareLink", settings.handle() == null ? null : links.share(request, site, settings.handle()));
        model.addAttribute("following", playlists.followedBy(me.id(), site.id()));
        model.addAttribute("zone", site.zone());
        return "recognition/portfolio/badges";
    }

    @GetMapping("/account/badges/{awardId}")
    String award(@PathVariable long awardId, Model model) {
        CurrentAccount me = me();
        Portfolio.Entry entry = portfolio.entry(me.id(), awardId).orElseThrow(RuleViolation::notFound);
        model.addAttribute("entry", entry);
        model.addAttribute("collections", portfolio.collections(me.id()));
        model.addAttribute("linkedIn", links.linkedIn(entry, LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("credentialUrl", links.credential(entry.award().publicId()));
        model.addAttribute("zone", Sites.current().zone());
        return "recognition/portfolio/award";
    }

    @PostMapping("/account/badges/{awardId}/visibility")
    String visibility(@PathVariable long awardId, @RequestParam(defaultValue = "false") boolean shown,
                      @RequestParam(required = false) String back, RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, shown ? "recognition-portfolio.award.made-public" : "recognition-portfolio.award.made-private",
                () -> portfolio.show(me, awardId, shown));
        return "detail".equals(back) ? "redirect:/account/badges/" + awardId : "redirect:/account/badges#award-" + awardId;
    }

    @PostMapping("/account/badges/{awardId}/evidence")
    String addEvidence(@PathVariable long awardId, @RequestParam(required = false) String text, @RequestParam(required = false) String url,
                       RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, "recognition-portfolio.evidence.added", () -> portfolio.addEvidence(me, awardId, text, url));
        return "redirect:/account/badges/" + awardId + "#evidence";
    }

    @PostMapping("/account/badges/{awardId}/evidence/{evidenceId}/delete")
    String removeEvidence(@PathVariable long awardId, @PathVariable long evidenceId, RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, "recognition-portfolio.evidence.removed", () -> portfolio.removeEvidence(me, evidenceId));
        return "redirect:/account/badges/" + awardId + "#evidence";
    }

    @PostMapping("/account/badges/{awardId}/collections")
    String collect(@PathVariable long awardId, @RequestParam long collection, @RequestParam(defaultValue = "true") boolean in,
                   RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, in ? "recognition-portfolio.collection.added" : "recognition-portfolio.collection.removed",
                () -> portfolio.collect(me, collection, awardId, in));
        return "redirect:/account/badges/" + awardId + "#collections";
    }

    @PostMapping("/account/badges/collections")
    String createCollection(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        CurrentAccount me = me();
        long site = Sites.current().id();
        attempt(redirect, "recognition-portfolio.collection.created", () -> portfolio.createCollection(me.id(), site, name));
        return "redirect:/account/badges#collections";
    }

    @PostMapping("/account/badges/collections/{id}/delete")
    String deleteCollection(@PathVariable long id, RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, "recognition-portfolio.collection.deleted", () -> portfolio.deleteCollection(me, id));
        return "redirect:/account/badges#collections";
    }

    @PostMapping("/account/badges/portfolio")
    String configure(@RequestParam(required = false) String handle, @RequestParam(defaultValue = "false") boolean shown,
                     RedirectAttributes redirect) {
        CurrentAccount me = me();
        long site = Sites.current().id();
        redirect.addFlashAttribute("typedHandle", handle);
        attempt(redirect, "recognition-portfolio.page.saved", () -> portfolio.configure(me.id(), site, handle, shown));
        return "redirect:/account/badges#public-page";
    }

    @PostMapping("/account/badges/imported")
    String importBadge(@RequestParam(name = "badge", required = false) org.springframework.web.multipart.MultipartFile file,
                       RedirectAttributes redirect) throws java.io.IOException {
        CurrentAccount me = me();
        long site = Sites.current().id();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", text("recognition-portfolio.import.choose"));
        } else if (file.getSize() > org.learningmap.recognition.verification.BadgeVerifier.MAX_BYTES) {
            redirect.addFlashAttribute("problem", messages.getMessage("recognition-portfolio.import.too-large",
                    new Object[] {org.learningmap.recognition.verification.BadgeVerifier.MAX_BYTES / (1024 * 1024)}, LocaleContextHolder.getLocale()));
        } else {
            try {
                Imports.Outcome outcome = imports.importBadge(me.id(), site, file.getBytes(), file.getOriginalFilename(),
                        LocaleContextHolder.getLocale());
                if (outcome.refused()) {
                    redirect.addFlashAttribute("problem", text("recognition-portfolio.import.refused"));
                    redirect.addFlashAttribute("reasons", outcome.reasons());
                } else {
                    redirect.addFlashAttribute("done", text("recognition-portfolio.import.kept"));
                }
            } catch (RuleViolation refused) {
                redirect.addFlashAttribute("problem", messages.getMessage(refused.reason(), refused.arguments(), LocaleContextHolder.getLocale()));
            }
        }
        return "redirect:/account/badges#imported";
    }

    @PostMapping("/account/badges/imported/{id}/visibility")
    String importedVisibility(@PathVariable long id, @RequestParam(defaultValue = "false") boolean shown, RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, shown ? "recognition-portfolio.award.made-public" : "recognition-portfolio.award.made-private",
                () -> imports.show(me, id, shown));
        return "redirect:/account/badges#imported";
    }

    @PostMapping("/account/badges/imported/{id}/delete")
    String deleteImported(@PathVariable long id, RedirectAttributes redirect) {
        long me = me().id();
        attempt(redirect, "recognition-portfolio.import.deleted", () -> imports.delete(me, id));
        return "redirect:/account/badges#imported";
    }

    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /** Runs the change; a rule that says no is told on the next page, in the person's language. Someone else's award stays not found. */
    private void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", text(doneKey));
        } catch (RuleViolation violation) {
            if (violation.status().value() == 404 || violation.status().value() == 403) {
                throw violation;
            }
            redirect.addFlashAttribute("problem", messages.getMessage(violation.reason(), violation.arguments(), LocaleContextHolder.getLocale()));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
