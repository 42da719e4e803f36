package org.learningmap.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A learner rates themselves before or after a class, on their phone, with the code the educator shows. */
@Controller
class RatingController {

    private final Ratings ratings;
    private final Frameworks frameworks;

    RatingController(Ratings ratings, Frameworks frameworks) {
        this.ratings = ratings;
        this.frameworks = frameworks;
    }

    static Ratings.Phase phase(String phase) {
        return "AFTER".equals(phase) ? Ratings.Phase.AFTER : Ratings.Phase.BEFORE;
    }

    /** The 0–10 score sent for each of the rating's competences ({@code score.1.1=7}); a missing one stays missing. */
    static Map<String, Integer> scores(Ratings.Rating rating, HttpServletRequest request) {
        Map<String, Integer> scores = new HashMap<>();
        for (String competence : rating.competences()) {
            String value = request.getParameter("score." + competence);
            if (value != null && value.strip().matches("\\d{1,2}")) {
                scores.put(competence, Integer.parseInt(value.strip()));
            }
        }
        return scores;
    }

    @GetMapping("/skills-check/ratings")
    String find(@RequestParam(required = false) String code, @RequestParam(required = false) String phase) {
        Ratings.Rating rating = ratings.byCode(Sites.current().id(), code);
        return "redirect:/skills-check/ratings/" + rating.code() + "?phase=" + phase(phase).name();
    }

    @GetMapping("/skills-check/ratings/{code}")
    String form(@PathVariable String code, @RequestParam(required = false) String phase, Model model) {
        return show(ratings.byCode(Sites.current().id(), code), phase(phase), null, model);
    }

    private String show(Ratings.Rating rating, Ratings.Phase phase, String error, Model model) {
        model.addAttribute("rating", rating);
        model.addAttribute("phase", phase.name());
        model.addAttribute("framework", frameworks.byIdOrDefault(Frameworks.DEFAULT));
        model.addAttribute("error", error);
        return "assessment/rating";
    }

    @PostMapping("/skills-check/ratings/{code}")
    String answer(@PathVariable String code, @RequestParam(required = false) String phase, HttpServletRequest request, Model model) {
        Ratings.Rating rating = ratings.byCode(Sites.current().id(), code);
        try {
            ratings.answer(rating, phase(phase), scores(rating, request));
        } catch (RuleViolation violation) {
            return show(rating, phase(phase), violation.reason(), model);
        }
        model.addAttribute("rating", rating);
        return "assessment/rating-thanks";
    }
}
