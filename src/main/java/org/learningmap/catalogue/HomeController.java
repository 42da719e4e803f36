package org.learningmap.catalogue;

import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The site's home: a search box, the topics, and what is coming up soon. */
@Controller
class HomeController {

    static final int COMING_UP = 6;

    private final Topics topics;
    private final CachedSearch search;

    HomeController(Topics topics, CachedSearch search) {
        this.topics = topics;
        this.search = search;
    }

    @GetMapping("/")
    String home(Model model, jakarta.servlet.http.HttpServletRequest request) {
        Site site = Sites.current();
        model.addAttribute("topics", topics.of(site.id()));
        CachedSearch.Listed comingUp = search.listed(site, SearchFilters.NONE.withSort(SearchFilters.Sort.SOONEST), COMING_UP);
        model.addAttribute("comingUp", comingUp.cards());
        // The page shows nothing else that time alone changes: a visitor's copy is kept as long as the list.
        AnonymousAnswers.keepUntil(request, comingUp.until());
        return "catalogue/home";
    }
}
