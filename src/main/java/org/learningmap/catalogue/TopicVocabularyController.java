package org.learningmap.catalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a site's coordinators keep its topic vocabulary. */
@Controller
class TopicVocabularyController {

    private final TopicVocabulary vocabulary;
    private final Sites sites;
    private final MessageSource messages;

    TopicVocabularyController(TopicVocabulary vocabulary, Sites sites, MessageSource messages) {
        this.vocabulary = vocabulary;
        this.sites = sites;
        this.messages = messages;
    }

    @GetMapping("/coordinator/sites/{siteId}/topics")
    String list(@PathVariable long siteId, Model model) {
        return page(model, siteId, Map.of(), Map.of());
    }

    @PostMapping("/coordinator/sites/{siteId}/topics")
    String add(@PathVariable long siteId, @RequestParam Map<String, String> params, Model model, Locale locale,
               RedirectAttributes redirect) {
        Map<String, String> names = names(params);
        Map<String, String> problems = vocabulary.add(siteId, names);
        if (!problems.isEmpty()) {
            return page(model, siteId, names, translate(problems, locale));
        }
        redirect.addFlashAttribute("done", "topics.added");
        return "redirect:/coordinator/sites/" + siteId + "/topics";
    }

    @GetMapping("/coordinator/sites/{siteId}/topics/{topicId}")
    String edit(@PathVariable long siteId, @PathVariable long topicId, Model model) {
        Topic topic = vocabulary.topic(siteId, topicId);
        return editPage(model, siteId, topic, topic.name().values(), Map.of());
    }

    @PostMapping("/coordinator/sites/{siteId}/topics/{topicId}")
    String rename(@PathVariable long siteId, @PathVariable long topicId, @RequestParam Map<String, String> params, Model model,
                  Locale locale, RedirectAttributes redirect) {
        Topic topic = vocabulary.topic(siteId, topicId);
        Map<String, String> names = names(params);
        Map<String, String> problems = vocabulary.rename(siteId, topicId, names);
        if (!problems.isEmpty()) {
            return editPage(model, siteId, topic, names, translate(problems, locale));
        }
        redirect.addFlashAttribute("done", "topics.renamed");
        return "redirect:/coordinator/sites/" + siteId + "/topics";
    }

    @PostMapping("/coordinator/sites/{siteId}/topics/{topicId}/move")
    String move(@PathVariable long siteId, @PathVariable long topicId, @RequestParam(name = "direction", required = false) String direction) {
        vocabulary.move(siteId, topicId, !"down".equals(direction));
        return "redirect:/coordinator/sites/" + siteId + "/topics#topic-" + topicId;
    }

    @PostMapping("/coordinator/sites/{siteId}/topics/{topicId}/removal")
    String remove(@PathVariable long siteId, @PathVariable long topicId, RedirectAttributes redirect) {
        try {
            vocabulary.remove(siteId, topicId);
            redirect.addFlashAttribute("done", "topics.removed");
        } catch (RuleViolation refused) {
            if (refused.status().value() == 403 || refused.status().value() == 404) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.reason());
        }
        return "redirect:/coordinator/sites/" + siteId + "/topics";
    }

    private Site site(long siteId) {
        return sites.byId(siteId).orElseThrow(RuleViolation::notFound);
    }

    private String page(Model model, long siteId, Map<String, String> names, Map<String, String> errors) {
        model.addAttribute("entries", vocabulary.entries(siteId));
        model.addAttribute("managed", site(siteId));
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        return "catalogue/topics";
    }

    private String editPage(Model model, long siteId, Topic topic, Map<String, String> names, Map<String, String> errors) {
        model.addAttribute("managed", site(siteId));
        model.addAttribute("topic", topic);
        model.addAttribute("names", names);
        model.addAttribute("errors", errors);
        return "catalogue/topic";
    }

    private static Map<String, String> names(Map<String, String> params) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : org.learningmap.shared.Languages.INTERFACE) {
            names.put(language, params.getOrDefault("name[" + language + "]", ""));
        }
        return names;
    }

    private Map<String, String> translate(Map<String, String> problems, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        problems.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, locale)));
        return texts;
    }
}
