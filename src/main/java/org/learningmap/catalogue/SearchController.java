package org.learningmap.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.AccessibilityFact;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The search page. Without JavaScript it is a form that reloads the page; with htmx, changing a
 * filter fetches only the results ({@code catalogue/search :: results}), and the facet counts and
 * the announced number of results are swapped out of band, so focus stays where the person is.
 */
@Controller
class SearchController {

    private final CachedSearch search;
    private final Sites sites;
    private final Topics topics;

    SearchController(CachedSearch search, Sites sites, Topics topics) {
        this.search = search;
        this.sites = sites;
        this.topics = topics;
    }

    @GetMapping("/search")
    String search(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Site site = Sites.current();
        SearchQuery query = SearchQuery.read(request.getParameterMap(), site, sites);
        SearchResult result = search.search(site, query.filters(), query.page());
        AnonymousAnswers.keepUntil(request, result.changesAt());
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("view", new SearchView(query, result, locale, topics.of(site.id())));
        model.addAttribute("accessibilityFacts", List.of(AccessibilityFact.values()));
        model.addAttribute("signedIn", CurrentAccount.get().isPresent());
        response.addHeader("Vary", "HX-Request");
        boolean fragment = "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
        model.addAttribute("fragment", fragment);
        return fragment ? "catalogue/search :: results" : "catalogue/search";
    }
}
