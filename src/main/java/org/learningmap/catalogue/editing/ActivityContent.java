package org.learningmap.catalogue.editing;

import java.util.List;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.Audience;
import org.learningmap.shared.LocalizedText;

/**
 * The checked content of an activity, ready to store. Texts hold only the site's languages;
 * {@code priceCents} 0 means free; {@code durationMinutes} and {@code level} describe an online course.
 */
record ActivityContent(ActivityKind kind, LocalizedText title, LocalizedText summary, LocalizedText description,
                       LocalizedText easyRead, List<String> topics, List<String> digcomp, List<Audience> audiences,
                       Integer minAge, Integer maxAge, List<String> languages, int priceCents, String currency,
                       boolean voucherEligible, String onlineUrl, Integer durationMinutes, String level) {
}
