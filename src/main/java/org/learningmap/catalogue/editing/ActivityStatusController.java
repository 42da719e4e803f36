package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publishing, cancelling, archiving and copying an activity from its staff page. */
@Controller
@RequestMapping("/staff/organisations/{orgId}/activities/{id}")
class ActivityStatusController {

    private final ActivityEditing editing;
    private final StaffPages pages;
    private final Clock clock;

    ActivityStatusController(ActivityEditing editing, StaffPages pages, Clock clock) {
        this.editing = editing;
        this.pages = pages;
        this.clock = clock;
    }

    @PostMapping("/publish")
    String publish(@PathVariable long orgId, @PathVariable long id, Model model, RedirectAttributes redirect) {
        CurrentAccount account = editorOf(orgId, id, model);
        try {
            ActivityStatus status = editing.publish(account.id(), id);
            redirect.addFlashAttribute("notice", status == ActivityStatus.PUBLISHED ? "editing.notice.published" : "editing.notice.sent-for-review");
        } catch (RuleViolation refused) {
            refusedBack(refused, redirect);
        }
        return back(orgId, id);
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable long orgId, @PathVariable long id, Model model, RedirectAttributes redirect) {
        CurrentAccount account = editorOf(orgId, id, model);
        try {
            editing.cancel(account.id(), id);
            redirect.addFlashAttribute("notice", "editing.notice.cancelled");
        } catch (RuleViolation refused) {
            refusedBack(refused, redirect);
        }
        return back(orgId, id);
    }

    @PostMapping("/archive")
    String archive(@PathVariable long orgId, @PathVariable long id, Model model, RedirectAttributes redirect) {
        CurrentAccount account = editorOf(orgId, id, model);
        try {
            editing.archive(account.id(), id);
            redirect.addFlashAttribute("notice", "editing.notice.archived");
        } catch (RuleViolation refused) {
            refusedBack(refused, redirect);
        }
        return back(orgId, id);
    }

    @GetMapping("/copy")
    String copyForm(@PathVariable long orgId, @PathVariable long id, Model model) {
        CurrentAccount account = editorOf(orgId, id, model);
        model.addAttribute("activity", editing.view(account.id(), id));
        model.addAttribute("firstDay", LocalDate.now(clock.withZone(Sites.current().zone())).plusDays(7).toString());
        model.addAttribute("withSessions", true);
        model.addAttribute("errors", Map.of());
        return "catalogue/editing/copy";
    }

    @PostMapping("/copy")
    String copy(@PathVariable long orgId, @PathVariable long id, @RequestParam(defaultValue = "false") boolean withSessions,
                @RequestParam(required = false) String firstDay, Model model, RedirectAttributes redirect) {
        CurrentAccount account = editorOf(orgId, id, model);
        try {
            LocalDate day = null;
            if (withSessions) {
                try {
                    day = LocalDate.parse(firstDay == null ? "" : firstDay.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidInput(FieldProblem.of("firstDay", "editing.error.date"));
                }
            }
            long copy = editing.copy(account.id(), id, day);
            redirect.addFlashAttribute("notice", "editing.notice.copied");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + copy;
        } catch (InvalidInput invalid) {
            model.addAttribute("activity", editing.view(account.id(), id));
            model.addAttribute("firstDay", firstDay);
            model.addAttribute("withSessions", withSessions);
            model.addAttribute("errors", pages.errors(invalid.problems()));
            return "catalogue/editing/copy";
        }
    }

    private CurrentAccount editorOf(long orgId, long id, Model model) {
        CurrentAccount account = pages.editor(orgId, model);
        StaffPages.belongs(editing.view(account.id(), id), orgId);
        return account;
    }

    /** A rule said no: back to the activity page, which says why. Forbidden and not found stay errors. */
    static void refusedBack(RuleViolation refused, RedirectAttributes redirect) {
        if (refused.status() != HttpStatus.CONFLICT) {
            throw refused;
        }
        redirect.addFlashAttribute("problem", refused.reason());
    }

    private static String back(long orgId, long id) {
        return "redirect:/staff/organisations/" + orgId + "/activities/" + id;
    }
}
