package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.util.List;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's queue of activities waiting for review on a moderated site: approve, or send back with a reason. */
@Controller
@RequestMapping("/coordinator/activities")
class ReviewController {

    static final int MAX_REASON = 1000;

    /** An activity waiting for review, with what the coordinator needs to decide. */
    record Waiting(StoredActivity activity, LocalizedText organisation, int upcomingSessions) {
    }

    private final ActivityEditing editing;
    private final ActivityStore store;
    private final Organisations organisations;
    private final StaffPages pages;
    private final Clock clock;

    ReviewController(ActivityEditing editing, ActivityStore store, Organisations organisations, StaffPages pages, Clock clock) {
        this.editing = editing;
        this.store = store;
        this.organisations = organisations;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping
    String queue(Model model) {
        Site site = coordinatedSite();
        List<Waiting> waiting = store.pending(site.id(), 100).stream()
                .map(a -> new Waiting(a, organisations.nameOf(a.organisationId()).orElse(LocalizedText.EMPTY),
                        store.upcomingSessions(a.id(), clock.instant())))
                .toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("errors", java.util.Map.of());
        return "catalogue/editing/review";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        coordinatedSite();
        try {
            editing.approve(StaffAccess.account(), id);
            redirect.addFlashAttribute("notice", "editing.review.approved");
        } catch (RuleViolation refused) {
            ActivityStatusController.refusedBack(refused, redirect);
        }
        return "redirect:/coordinator/activities";
    }

    @PostMapping("/{id}/send-back")
    String sendBack(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
                    RedirectAttributes redirect) {
        coordinatedSite();
        if (reason.isBlank() || reason.strip().length() > MAX_REASON) {
            FieldProblem problem = reason.isBlank()
                    ? FieldProblem.of("reason-" + id, StatusRules.REASON_REQUIRED)
                    : FieldProblem.of("reason-" + id, "editing.error.too-long", MAX_REASON);
            String page = queue(model);
            model.addAttribute("errors", pages.errors(List.of(problem)));
            model.addAttribute("reasonTyped", reason);
            return page;
        }
        try {
            editing.sendBack(StaffAccess.account(), id, reason);
            redirect.addFlashAttribute("notice", "editing.review.sent-back");
        } catch (RuleViolation refused) {
            ActivityStatusController.refusedBack(refused, redirect);
        }
        return "redirect:/coordinator/activities";
    }

    /** The site of this request, which the signed-in account must coordinate. */
    private static Site coordinatedSite() {
        CurrentAccount account = StaffAccess.account();
        Site site = Sites.current();
        if (!account.coordinates(site.id())) {
            throw RuleViolation.forbidden();
        }
        return site;
    }
}
