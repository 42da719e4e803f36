package org.learningmap.recognition.playlists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.ActivityFacts;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the playlist pages share: who is signed in, activity titles, and a refused action told in the person's language. */
@Component
class PlaylistPages {

    private static final Pattern ACTIVITY = Pattern.compile("(?:/activities/)?(\\d{1,18})/?\\s*(?:[?#].*)?$");

    private final Catalogue catalogue;
    private final MessageSource messages;

    PlaylistPages(Catalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /**
     * The activity a person typed or pasted: its number, or the address of its page. Empty when it is neither.
     */
    static java.util.Optional<Long> activityReference(String typed) {
        if (typed == null || typed.isBlank()) {
            return java.util.Optional.empty();
        }
        Matcher matcher = ACTIVITY.matcher(typed.strip());
        if (!matcher.find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(matcher.group(1)));
    }

    /** The activities' facts by id, in the order of the ids. */
    Map<Long, ActivityFacts> activities(List<Long> ids) {
        Map<Long, ActivityFacts> byId = new java.util.HashMap<>();
        catalogue.activityFacts(ids).forEach(facts -> byId.put(facts.activityId(), facts));
        Map<Long, ActivityFacts> ordered = new LinkedHashMap<>();
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                ordered.put(id, byId.get(id));
            }
        });
        return ordered;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** Runs the action; a rule that says no becomes a message on the next page instead of an error page. */
    void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", messages.getMessage(doneKey, null, LocaleContextHolder.getLocale()));
        } catch (RuleViolation violation) {
            if (violation.status().value() == 403 || violation.status().value() == 404) {
                throw violation;
            }
            redirect.addFlashAttribute("problem", messages.getMessage(violation.reason(), violation.arguments(), LocaleContextHolder.getLocale()));
        }
    }
}
