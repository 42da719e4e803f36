package org.learningmap.catalogue.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.Audience;
import org.learningmap.sites.Site;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices the activity form offers: kinds, the site's topics and languages, audiences, DigComp, levels. */
@Component
class EditingChoices {

    /** A value and what a person reads for it. */
    record Choice(String value, String label) {
    }

    /** Languages people are most often taught in here; any other ISO code is accepted through the API and CSV. */
    static final List<String> INSTRUCTION_LANGUAGES = List.of("lt", "uk", "en", "ru", "pl", "be", "de", "fr");

    private final ActivityStore store;
    private final DigCompCompetences digcomp;

    EditingChoices(ActivityStore store, DigCompCompetences digcomp) {
        this.store = store;
        this.digcomp = digcomp;
    }

    void addTo(Model model, Site site, Locale locale) {
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("audienceChoices", Audience.values());
        model.addAttribute("topicChoices", store.topics(site.id()));
        model.addAttribute("digcompChoices", digcomp.all());
        model.addAttribute("levels", ActivityValidator.LEVELS);
        model.addAttribute("contentLanguages", contentLanguages(site));
        model.addAttribute("instructionLanguages", instructionLanguages(site, locale));
        model.addAttribute("currency", SiteCurrency.of(site));
    }

    /** The site's languages, its default first: the one every activity needs a title in. */
    static List<String> contentLanguages(Site site) {
        List<String> languages = new ArrayList<>();
        languages.add(site.defaultLanguage());
        site.languages().stream().filter(l -> !l.equals(site.defaultLanguage())).forEach(languages::add);
        return languages;
    }

    static List<Choice> instructionLanguages(Site site, Locale locale) {
        List<String> codes = new ArrayList<>(contentLanguages(site));
        INSTRUCTION_LANGUAGES.stream().filter(code -> !codes.contains(code)).forEach(codes::add);
        return codes.stream().map(code -> new Choice(code, capitalised(Locale.forLanguageTag(code).getDisplayLanguage(locale), locale)))
                .toList();
    }

    private static String capitalised(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
