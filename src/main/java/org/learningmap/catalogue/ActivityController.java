package org.learningmap.catalogue;

import java.time.Clock;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public page of one activity: what it is, for whom, and every coming session. */
@Controller
class ActivityController {

    private final ActivityReader activities;
    private final Clock clock;

    ActivityController(ActivityReader activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @GetMapping("/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        Site site = Sites.current();
        ActivityDetails activity = activities.published(site.id(), id).orElseThrow(RuleViolation::notFound);
        model.addAttribute("activity", activity);
        model.addAttribute("sessions", activities.upcomingSessions(id, clock.instant()));
        model.addAttribute("digcomp", activity.digcomp().stream().map(code -> new String[] {code, DigComp.title(code)}).toList());
        return "catalogue/activity";
    }
}
