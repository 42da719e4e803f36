package org.learningmap.catalogue.editing;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's activities for its staff: the list, the form to create or change one, and its page. */
@Controller
@RequestMapping("/staff/organisations/{orgId}/activities")
class StaffActivitiesController {

    static final int PAGE_SIZE = 25;

    /** A session as the staff page shows it, in the site's zone. */
    record SessionView(long id, ZonedDateTime start, ZonedDateTime end, LocalizedText venue, String onlineUrl, Integer capacity,
                       boolean cancelled, boolean future, String seriesRule) {
    }

    private final ActivityEditing editing;
    private final ActivityStore store;
    private final StaffPages pages;
    private final EditingChoices choices;
    private final VenueChoices venues;
    private final Clock clock;

    StaffActivitiesController(ActivityEditing editing, ActivityStore store, StaffPages pages, EditingChoices choices,
                              VenueChoices venues, Clock clock) {
        this.editing = editing;
        this.store = store;
        this.pages = pages;
        this.choices = choices;
        this.venues = venues;
        this.clock = clock;
    }

    @GetMapping
    String list(@PathVariable long orgId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        pages.viewer(orgId, model);
        ActivityStatus statusFilter = parse(ActivityStatus.class, status);
        ActivityKind kindFilter = parse(ActivityKind.class, kind);
        String text = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 200));
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("page", store.list(orgId, statusFilter, kindFilter, text, clock.instant(), pageNumber, PAGE_SIZE));
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("status", statusFilter);
        model.addAttribute("kind", kindFilter);
        model.addAttribute("q", text);
        model.addAttribute("zone", Sites.current().zone());
        return "catalogue/editing/activities";
    }

    @GetMapping("/new")
    String newActivity(@PathVariable long orgId, Model model, Locale locale) {
        pages.editor(orgId, model);
        ActivityForm form = new ActivityForm();
        form.setKind(ActivityKind.CLASS.name());
        return form(model, form, Map.of(), null, locale);
    }

    @PostMapping
    String create(@PathVariable long orgId, @ModelAttribute("form") ActivityForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        try {
            long id = editing.create(account.id(), orgId, form.toInput());
            redirect.addFlashAttribute("notice", "editing.notice.created");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id;
        } catch (InvalidInput invalid) {
            return form(model, form, pages.errors(invalid.problems()), null, locale);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long orgId, @PathVariable long id, Model model) {
        CurrentAccount account = pages.viewer(orgId, model);
        StoredActivity activity = editing.view(account.id(), id);
        StaffPages.belongs(activity, orgId);
        addActivity(model, activity);
        return "catalogue/editing/activity";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long orgId, @PathVariable long id, Model model, Locale locale) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = editing.view(account.id(), id);
        StaffPages.belongs(activity, orgId);
        return form(model, ActivityForm.of(activity.content()), Map.of(), activity, locale);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long orgId, @PathVariable long id, @ModelAttribute("form") ActivityForm form, Model model,
                  Locale locale, RedirectAttributes redirect) {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = editing.view(account.id(), id);
        StaffPages.belongs(activity, orgId);
        try {
            editing.update(account.id(), id, form.toInput());
            redirect.addFlashAttribute("notice", "editing.notice.saved");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id;
        } catch (InvalidInput invalid) {
            return form(model, form, pages.errors(invalid.problems()), activity, locale);
        }
    }

    private String form(Model model, ActivityForm form, Map<String, String> errors, StoredActivity activity, Locale locale) {
        choices.addTo(model, Sites.current(), locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activity", activity);
        return "catalogue/editing/form";
    }

    /** Everything the activity page shows; the session and series forms add their own input and errors. */
    void addActivity(Model model, StoredActivity activity) {
        Site site = Sites.current();
        var now = clock.instant();
        Map<Long, LocalizedText> venueNames = new java.util.HashMap<>();
        List<VenueChoices.Venue> venueList = venues.of(activity.organisationId());
        venueList.forEach(v -> venueNames.put(v.id(), v.name()));
        List<SessionView> sessions = store.sessions(activity.id()).stream()
                .map(s -> new SessionView(s.id(), s.startsAt().atZone(site.zone()), s.endsAt().atZone(site.zone()),
                        s.venueId() == null ? null : venueNames.getOrDefault(s.venueId(), LocalizedText.EMPTY), s.onlineUrl(),
                        s.capacity(), s.cancelled(), s.isFuture(now), s.seriesRule()))
                .toList();
        model.addAttribute("activity", activity);
        model.addAttribute("sessions", sessions);
        model.addAttribute("venues", venueList);
        model.addAttribute("topicNames", store.topics(site.id()));
        model.addAttribute("zone", site.zone());
        model.addAttribute("currency", SiteCurrency.of(site));
        if (activity.status() == ActivityStatus.DRAFT) {
            var decision = editing.publishDecision(activity);
            model.addAttribute("publishBlocker", decision instanceof StatusRules.Decision.Refused refused ? refused.reason() : null);
            model.addAttribute("publishGoesToReview", decision instanceof StatusRules.Decision.Allowed allowed
                    && allowed.next() == ActivityStatus.PENDING_REVIEW);
        }
        if (!model.containsAttribute("sessionForm")) {
            model.addAttribute("sessionForm", SessionForms.SingleForm.blank(site.zone(), clock));
        }
        if (!model.containsAttribute("seriesForm")) {
            model.addAttribute("seriesForm", SessionForms.SeriesForm.blank(site.zone(), clock));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
