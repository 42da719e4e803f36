package org.learningmap.catalogue.editing;

import java.util.List;
import java.util.Map;

/**
 * What a person typed for an activity, as text, whichever way it came: the form, the API or a CSV
 * row. {@link ActivityValidator} turns it into {@link ActivityContent} or names what is wrong.
 * Field names in problems: kind, title.{lang}, summary.{lang}, description.{lang}, easyRead.{lang},
 * topics, digcomp, audiences, minAge, maxAge, languages, price, onlineUrl, durationMinutes, level.
 * A null price is free; a blank one is an amount that was asked for and not given.
 */
record ActivityInput(String kind, Map<String, String> title, Map<String, String> summary, Map<String, String> description,
                     Map<String, String> easyRead, List<String> topics, List<String> digcomp, List<String> audiences,
                     String minAge, String maxAge, List<String> languages, String price, boolean voucherEligible,
                     String onlineUrl, String durationMinutes, String level) {

    ActivityInput {
        title = title == null ? Map.of() : title;
        summary = summary == null ? Map.of() : summary;
        description = description == null ? Map.of() : description;
        easyRead = easyRead == null ? Map.of() : easyRead;
        topics = topics == null ? List.of() : topics;
        digcomp = digcomp == null ? List.of() : digcomp;
        audiences = audiences == null ? List.of() : audiences;
        languages = languages == null ? List.of() : languages;
    }
}
