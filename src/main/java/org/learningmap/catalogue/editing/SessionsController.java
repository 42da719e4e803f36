package org.learningmap.catalogue.editing;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sessions of an activity on its staff page: one at a time, a repeating series with a preview, changes and cancellation. */
@Controller
@RequestMapping("/staff/organisations/{orgId}/activities/{id}")
class SessionsController {

    /** A generated session as the preview lists it. */
    record PreviewDate(java.time.ZonedDateTime start, java.time.ZonedDateTime end) {
    }

    private final ActivityEditing editing;
    private final StaffPages pages;
    private final StaffActivitiesController activities;
    private final VenueChoices venues;

    SessionsController(ActivityEditing editing, StaffPages pages, StaffActivitiesController activities, VenueChoices venues) {
        this.editing = editing;
        this.pages = pages;
        this.activities = activities;
        this.venues = venues;
    }

    @PostMapping("/sessions")
    String add(@PathVariable long orgId, @PathVariable long id, @ModelAttribute("sessionForm") SessionForms.SingleForm form,
               Model model, RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        List<FieldProblem> problems = new ArrayList<>();
        Instant[] times = form.times(zone(), problems);
        SessionPlan plan = form.plan(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            editing.addSession(account.id(), id, times[0], times[1], plan);
            redirect.addFlashAttribute("notice", "editing.notice.session-added");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id + "#sessions";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", pages.errors(invalid.problems()));
            model.addAttribute("openForm", "single");
            activities.addActivity(model, activity);
            return "catalogue/editing/activity";
        }
    }

    /** The dates a series would have. An htmx request gets only the preview; a plain form post gets the whole page. */
    @PostMapping("/series/preview")
    String preview(@PathVariable long orgId, @PathVariable long id, @ModelAttribute("seriesForm") SessionForms.SeriesForm form,
                   Model model, HttpServletRequest request) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        List<FieldProblem> problems = new ArrayList<>();
        SeriesRule rule = form.rule(problems);
        try {
            if (!problems.isEmpty()) {
                problems.addAll(rule.problems());
                throw new InvalidInput(problems);
            }
            model.addAttribute("preview", editing.preview(account.id(), id, rule).stream()
                    .map(o -> new PreviewDate(o.start().atZone(zone()), o.end().atZone(zone()))).toList());
            model.addAttribute("previewRule", rule.toRRule(zone()));
            model.addAttribute("errors", java.util.Map.of());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", pages.errors(invalid.problems()));
        }
        model.addAttribute("openForm", "series");
        if ("true".equals(request.getHeader("HX-Request"))) {
            model.addAttribute("activity", activity);
            return "catalogue/editing/activity :: series-preview";
        }
        activities.addActivity(model, activity);
        return "catalogue/editing/activity";
    }

    @PostMapping("/series")
    String addSeries(@PathVariable long orgId, @PathVariable long id, @ModelAttribute("seriesForm") SessionForms.SeriesForm form,
                     Model model, RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        List<FieldProblem> problems = new ArrayList<>();
        SeriesRule rule = form.rule(problems);
        SessionPlan plan = form.plan(problems);
        try {
            if (!problems.isEmpty()) {
                problems.addAll(rule.problems());
                throw new InvalidInput(problems);
            }
            int added = editing.addSeries(account.id(), id, rule, plan).size();
            redirect.addFlashAttribute("notice", "editing.notice.series-added");
            redirect.addFlashAttribute("noticeArgument", added);
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id + "#sessions";
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", pages.errors(invalid.problems()));
            model.addAttribute("openForm", "series");
            activities.addActivity(model, activity);
            return "catalogue/editing/activity";
        }
    }

    @GetMapping("/sessions/{sessionId}/edit")
    String edit(@PathVariable long orgId, @PathVariable long id, @PathVariable long sessionId, Model model) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        StoredSession session = session(account, activity, sessionId);
        return editPage(model, activity, session, SessionForms.SingleForm.of(session, zone()), java.util.Map.of());
    }

    @PostMapping("/sessions/{sessionId}/edit")
    String update(@PathVariable long orgId, @PathVariable long id, @PathVariable long sessionId,
                  @ModelAttribute("sessionForm") SessionForms.SingleForm form, Model model, RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        StoredSession session = session(account, activity, sessionId);
        List<FieldProblem> problems = new ArrayList<>();
        Instant[] times = form.times(zone(), problems);
        SessionPlan plan = form.plan(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            editing.updateSession(account.id(), sessionId, times[0], times[1], plan);
            redirect.addFlashAttribute("notice", "editing.notice.session-saved");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id + "#sessions";
        } catch (InvalidInput invalid) {
            return editPage(model, activity, session, form, pages.errors(invalid.problems()));
        }
    }

    @PostMapping("/sessions/{sessionId}/cancel")
    String cancel(@PathVariable long orgId, @PathVariable long id, @PathVariable long sessionId, Model model,
                  RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        session(account, activity, sessionId);
        try {
            editing.cancelSession(account.id(), sessionId);
            redirect.addFlashAttribute("notice", "editing.notice.session-cancelled");
        } catch (RuleViolation refused) {
            ActivityStatusController.refusedBack(refused, redirect);
        }
        return "redirect:/staff/organisations/" + orgId + "/activities/" + id + "#sessions";
    }

    @PostMapping("/sessions/{sessionId}/delete")
    String delete(@PathVariable long orgId, @PathVariable long id, @PathVariable long sessionId, Model model,
                  RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = activity(account, orgId, id);
        session(account, activity, sessionId);
        try {
            editing.deleteSession(account.id(), sessionId);
            redirect.addFlashAttribute("notice", "editing.notice.session-deleted");
        } catch (RuleViolation refused) {
            ActivityStatusController.refusedBack(refused, redirect);
        }
        return "redirect:/staff/organisations/" + orgId + "/activities/" + id + "#sessions";
    }

    private String editPage(Model model, StoredActivity activity, StoredSession session, SessionForms.SingleForm form,
                            java.util.Map<String, String> errors) {
        model.addAttribute("activity", activity);
        model.addAttribute("editedSession", session);
        model.addAttribute("sessionForm", form);
        model.addAttribute("venues", venues.of(activity.organisationId()));
        model.addAttribute("errors", errors);
        return "catalogue/editing/session";
    }

    private StoredActivity activity(CurrentAccount account, long orgId, long id) {
        StoredActivity activity = editing.view(account.id(), id);
        StaffPages.belongs(activity, orgId);
        return activity;
    }

    private StoredSession session(CurrentAccount account, StoredActivity activity, long sessionId) {
        StoredSession session = editing.session(account.id(), sessionId);
        if (session.activityId() != activity.id()) {
            throw RuleViolation.notFound();
        }
        return session;
    }

    private static ZoneId zone() {
        return Sites.current().zone();
    }
}
