package org.learningmap.assessment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The fixed words around a question (the self-rating scale, true and false, the hints) in one
 * language, so the question fragment shows a question exactly as a person reading that language
 * sees it, also in a coordinator's preview in another language than the page's.
 */
final class QuestionLabels {

    private QuestionLabels() {
    }

    static Map<String, String> of(MessageSource messages, String language) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : new String[] {"self.hint", "self.0", "self.1", "self.2", "self.3", "true", "false",
                "order.hint", "order.choose"}) {
            labels.put(key, messages.getMessage("assessment." + key, null, locale));
        }
        for (int n = 1; n <= 9; n++) {
            labels.put("screen." + n, messages.getMessage("assessment.screen", new Object[] {n}, locale));
        }
        return labels;
    }
}
