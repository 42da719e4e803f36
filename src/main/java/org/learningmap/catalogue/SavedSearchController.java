package org.learningmap.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A signed-in person keeps searches under a name and runs them again from one list. Anyone else is
 * sent to sign in first and brought back. A person only ever sees and deletes their own searches.
 */
@Controller
class SavedSearchController {

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 2_000;
    static final int MAX_PER_ACCOUNT = 50;

    /** What was typed into the save form. */
    record SavedSearchForm(String name, String query) {
    }

    private final SavedSearches saved;
    private final Sites sites;
    private final Clock clock;
    private final org.learningmap.accounts.Accounts accounts;

    SavedSearchController(SavedSearches saved, Sites sites, Clock clock, org.learningmap.accounts.Accounts accounts) {
        this.accounts = accounts;
        this.saved = saved;
        this.sites = sites;
        this.clock = clock;
    }

    @GetMapping("/saved-searches")
    String list(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CurrentAccount> account = CurrentAccount.get();
        if (account.isEmpty()) {
            return signIn(request, response);
        }
        model.addAttribute("searches", saved.of(Sites.current().id(), account.get().id()));
        return "catalogue/saved-searches";
    }

    @GetMapping("/saved-searches/new")
    String form(@RequestParam(defaultValue = "") String query, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (CurrentAccount.get().isEmpty()) {
            return signIn(request, response);
        }
        String normalised = normalise(query);
        model.addAttribute("form", new SavedSearchForm(suggestedName(normalised), normalised));
        model.addAttribute("errors", Map.of());
        return "catalogue/saved-search-new";
    }

    @PostMapping("/saved-searches")
    String save(SavedSearchForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CurrentAccount> account = CurrentAccount.get();
        if (account.isEmpty()) {
            return signIn(request, response);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        String query = form.query() == null ? "" : form.query();
        if (name.isEmpty()) {
            errors.put("name", "validation.required");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "saved-search.name-too-long");
        }
        if (query.length() > MAX_QUERY) {
            errors.put("query", "saved-search.query-too-long");
        }
        if (saved.count(account.get().id()) >= MAX_PER_ACCOUNT) {
            errors.put("name", "saved-search.too-many");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", new SavedSearchForm(name, normalise(query)));
            model.addAttribute("errors", errors);
            response.setStatus(422);
            return "catalogue/saved-search-new";
        }
        if (!accounts.mayKeepPersonalData(account.get().id())) {
            throw new org.learningmap.platform.RuleViolation(org.learningmap.accounts.Accounts.AWAITING_GUARDIAN);
        }
        saved.save(Sites.current().id(), account.get().id(), name, normalise(query), clock.instant());
        return "redirect:/saved-searches?saved";
    }

    @PostMapping("/saved-searches/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        Optional<CurrentAccount> account = CurrentAccount.get();
        if (account.isEmpty()) {
            return signIn(request, response);
        }
        if (!saved.delete(Sites.current().id(), account.get().id(), id)) {
            throw RuleViolation.notFound();
        }
        return "redirect:/saved-searches?deleted";
    }

    /** The search's own parameters in a canonical order; anything not understood is left out. */
    private String normalise(String query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, new String[] {value}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        parameters.remove("page");
        Site site = Sites.current();
        SearchQuery parsed = SearchQuery.read(parameters, site, sites);
        return SearchView.link("", parsed.parameters()).replaceFirst("^\\?", "");
    }

    private static String suggestedName(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("q=")) {
                String words = decode(pair.substring(2));
                return words.length() > MAX_NAME ? words.substring(0, MAX_NAME) : words;
            }
        }
        return "";
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static String signIn(HttpServletRequest request, HttpServletResponse response) {
        new HttpSessionRequestCache().saveRequest(request, response);
        return "redirect:/sign-in";
    }
}
