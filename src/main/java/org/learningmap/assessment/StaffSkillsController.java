package org.learningmap.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Educators' pages: supervised group sittings and before/after self-ratings of their organisations. */
@Controller
class StaffSkillsController {

    private final Organisations organisations;
    private final Sittings sittings;
    private final Ratings ratings;
    private final Checks checks;
    private final Frameworks frameworks;
    private final org.learningmap.catalogue.Catalogue catalogue;

    StaffSkillsController(Organisations organisations, Sittings sittings, Ratings ratings, Checks checks, Frameworks frameworks,
                          org.learningmap.catalogue.Catalogue catalogue) {
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.sittings = sittings;
        this.ratings = ratings;
        this.checks = checks;
        this.frameworks = frameworks;
    }

    static long me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden).id();
    }

    @GetMapping("/staff/skills-check")
    String home(Model model) {
        long me = me();
        long siteId = Sites.current().id();
        List<Membership> mine = organisations.membershipsOf(me).stream()
                .filter(m -> m.siteId() == siteId && sittings.canRunSittings(me, m.organisationId())).toList();
        Map<Long, List<Sittings.Sitting>> sittingsOf = new LinkedHashMap<>();
        Map<Long, List<Ratings.Rating>> ratingsOf = new LinkedHashMap<>();
        for (Membership m : mine) {
            sittingsOf.put(m.organisationId(), sittings.ofOrganisation(me, m.organisationId()));
            ratingsOf.put(m.organisationId(), ratings.ofOrganisation(me, m.organisationId()));
        }
        model.addAttribute("memberships", mine);
        model.addAttribute("sittingsOf", sittingsOf);
        model.addAttribute("ratingsOf", ratingsOf);
        model.addAttribute("zone", Sites.current().zone());
        return "assessment/staff-home";
    }

    @PostMapping("/staff/skills-check/sittings")
    String openSitting(@RequestParam long organisation, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String place) {
        Sittings.Sitting sitting = sittings.openSitting(me(), organisation, "FULL".equals(kind) ? CheckKind.FULL : CheckKind.QUICK,
                place == null || place.length() > 200 ? "" : place);
        return "redirect:/staff/skills-check/sittings/" + sitting.id();
    }

    @GetMapping("/staff/skills-check/sittings/{id}")
    String sitting(@PathVariable long id, Model model) {
        Sittings.Sitting sitting = sittings.visibleTo(me(), id);
        model.addAttribute("sitting", sitting);
        model.addAttribute("attempts", checks.ofSitting(sitting.id()));
        model.addAttribute("framework", frameworks.byIdOrDefault(Frameworks.DEFAULT));
        model.addAttribute("organisationName", organisations.nameOf(sitting.organisationId()).orElseThrow());
        model.addAttribute("zone", Sites.current().zone());
        return "assessment/staff-sitting";
    }

    @PostMapping("/staff/skills-check/sittings/{id}/close")
    String closeSitting(@PathVariable long id) {
        sittings.close(me(), id);
        return "redirect:/staff/skills-check/sittings/" + id;
    }

    @GetMapping("/staff/skills-check/ratings/new")
    String newRating(@RequestParam long organisation, Model model) {
        return ratingForm(organisation, null, model);
    }

    private String ratingForm(long organisation, String error, Model model) {
        model.addAttribute("organisationId", organisation);
        model.addAttribute("organisationName", organisations.nameOf(organisation).orElseThrow(RuleViolation::notFound));
        model.addAttribute("activities", ratings.activities(me(), organisation));
        model.addAttribute("sessions", ratings.sessions(me(), organisation));
        model.addAttribute("zone", Sites.current().zone());
        model.addAttribute("framework", frameworks.byIdOrDefault(Frameworks.DEFAULT));
        model.addAttribute("error", error);
        model.addAttribute("max", Ratings.MAX_COMPETENCES);
        return "assessment/staff-rating-new";
    }

    @PostMapping("/staff/skills-check/ratings")
    String attach(@RequestParam long organisation, @RequestParam(required = false) Long activity,
                  @RequestParam(required = false) String session, @RequestParam(required = false) List<String> competence,
                  Model model) {
        try {
            Long sessionId = session == null || session.isBlank() ? null
                    : session.matches("\\d{1,18}") ? Long.valueOf(session) : Long.valueOf(-1);
            Ratings.Rating rating = ratings.attach(me(), organisation, activity, sessionId, competence);
            return "redirect:/staff/skills-check/ratings/" + rating.id();
        } catch (RuleViolation violation) {
            if (violation.status().value() != 400) {
                throw violation;
            }
            return ratingForm(organisation, violation.reason(), model);
        }
    }

    @GetMapping("/staff/skills-check/ratings/{id}")
    String rating(@PathVariable long id, Model model) {
        return showRating(id, null, model);
    }

    private String showRating(long id, String error, Model model) {
        long me = me();
        Ratings.Rating rating = ratings.visibleTo(me, id);
        model.addAttribute("rating", rating);
        model.addAttribute("summary", ratings.summary(me, id));
        model.addAttribute("framework", frameworks.byIdOrDefault(Frameworks.DEFAULT));
        model.addAttribute("organisationName", organisations.nameOf(rating.organisationId()).orElseThrow());
        model.addAttribute("error", error);
        model.addAttribute("zone", Sites.current().zone());
        model.addAttribute("ratedSession", rating.sessionId() == null ? null : catalogue.session(rating.sessionId()).orElse(null));
        return "assessment/staff-rating";
    }

    @PostMapping("/staff/skills-check/ratings/{id}/paper")
    String paper(@PathVariable long id, @RequestParam(required = false) String phase, HttpServletRequest request, Model model) {
        long me = me();
        Ratings.Rating rating = ratings.visibleTo(me, id);
        try {
            ratings.enterPaperAnswer(me, id, RatingController.phase(phase), RatingController.scores(rating, request));
        } catch (RuleViolation violation) {
            if (violation.status().value() != 400) {
                throw violation;
            }
            return showRating(id, violation.reason(), model);
        }
        return "redirect:/staff/skills-check/ratings/" + id + "?saved";
    }
}
