package org.learningmap.catalogue.editing;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.Audience;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Site;

/**
 * The field rules of an activity, the same for the form, the API and CSV import: a kind, a title in
 * the site's default language, topics from the site's vocabulary, DigComp competence codes, an age
 * range within 0–120 with min ≤ max, a price in the site's currency, and for an online course a web
 * address, a duration and a level.
 */
final class ActivityValidator {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 500;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_EASY_READ = 1_000;
    static final int MAX_URL = 500;
    static final int MAX_TOPICS = 10;
    static final BigDecimal MAX_PRICE = new BigDecimal("100000");
    static final int MAX_COURSE_MINUTES = 100_000;
    static final List<String> LEVELS = List.of("BEGINNER", "INTERMEDIATE", "ADVANCED");

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private final Site site;
    private final Set<String> topicSlugs;
    private final Set<String> digcompCodes;

    ActivityValidator(Site site, Set<String> topicSlugs, Set<String> digcompCodes) {
        this.site = site;
        this.topicSlugs = topicSlugs;
        this.digcompCodes = digcompCodes;
    }

    /** The content, or {@link InvalidInput} naming every wrong field. */
    ActivityContent validate(ActivityInput input) throws InvalidInput {
        List<FieldProblem> problems = new ArrayList<>();
        ActivityKind kind = kind(input.kind(), problems);
        LocalizedText title = text("title", input.title(), MAX_TITLE, problems);
        if (!title.has(site.defaultLanguage())) {
            problems.add(FieldProblem.of("title." + site.defaultLanguage(), StatusRules.NEEDS_TITLE));
        }
        LocalizedText summary = text("summary", input.summary(), MAX_SUMMARY, problems);
        LocalizedText description = text("description", input.description(), MAX_DESCRIPTION, problems);
        LocalizedText easyRead = text("easyRead", input.easyRead(), MAX_EASY_READ, problems);
        List<String> topics = distinct(input.topics());
        for (String topic : topics) {
            if (!topicSlugs.contains(topic)) {
                problems.add(FieldProblem.of("topics", "activity.topic-unknown", topic));
            }
        }
        if (topics.size() > MAX_TOPICS) {
            problems.add(FieldProblem.of("topics", "activity.too-many-topics", MAX_TOPICS));
        }
        List<String> digcomp = distinct(input.digcomp());
        for (String code : digcomp) {
            if (!digcompCodes.contains(code)) {
                problems.add(FieldProblem.of("digcomp", "activity.digcomp-unknown", code));
            }
        }
        List<Audience> audiences = new ArrayList<>();
        for (String audience : distinct(input.audiences())) {
            try {
                audiences.add(Audience.valueOf(audience.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("audiences", "activity.audience-unknown", audience));
            }
        }
        Integer minAge = whole("minAge", input.minAge(), 0, 120, problems);
        Integer maxAge = whole("maxAge", input.maxAge(), 0, 120, problems);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            problems.add(FieldProblem.of("maxAge", "activity.age-range"));
        }
        List<String> languages = new ArrayList<>();
        for (String language : distinct(input.languages())) {
            String code = language.toLowerCase(Locale.ROOT);
            if (ISO_LANGUAGES.contains(code)) {
                languages.add(code);
            } else {
                problems.add(FieldProblem.of("languages", "activity.language-unknown", language));
            }
        }
        int priceCents = price(input.price(), problems);
        String onlineUrl = url("onlineUrl", input.onlineUrl(), problems);
        Integer duration = null;
        String level = null;
        if (kind == ActivityKind.ONLINE_COURSE) {
            if (onlineUrl == null && problems.stream().noneMatch(p -> p.field().equals("onlineUrl"))) {
                problems.add(FieldProblem.of("onlineUrl", "activity.online-url-required"));
            }
            duration = whole("durationMinutes", input.durationMinutes(), 1, MAX_COURSE_MINUTES, problems);
            level = blank(input.level()) ? null : input.level().strip().toUpperCase(Locale.ROOT);
            if (level != null && !LEVELS.contains(level)) {
                problems.add(FieldProblem.of("level", "validation.choose"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new ActivityContent(kind, title, summary, description, easyRead, topics, digcomp, audiences, minAge, maxAge,
                languages, priceCents, SiteCurrency.of(site), input.voucherEligible(), onlineUrl, duration, level);
    }

    /** A web address people can open: http or https with a host. */
    static String url(String field, String value, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_URL && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(FieldProblem.of(field, "validation.url"));
        return null;
    }

    static Integer whole(String field, String value, int min, int max, List<FieldProblem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(field, "editing.error.range", min, max));
        return null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ActivityKind kind(String value, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(FieldProblem.of("kind", "validation.choose"));
            return null;
        }
        try {
            return ActivityKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("kind", "validation.choose"));
            return null;
        }
    }

    private LocalizedText text(String field, Map<String, String> values, int max, List<FieldProblem> problems) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String language : site.languages()) {
            String text = values.get(language);
            if (!blank(text)) {
                if (text.strip().length() > max) {
                    problems.add(FieldProblem.of(field + "." + language, "editing.error.too-long", max));
                }
                kept.put(language, text.strip());
            }
        }
        return new LocalizedText(kept);
    }

    /** A price as people write it (12.50 or 12,50); none (null) or zero is free, a blank amount is missing. */
    private static int price(String value, List<FieldProblem> problems) {
        if (value == null) {
            return 0;
        }
        if (value.isBlank()) {
            problems.add(FieldProblem.of("price", "activity.price-required"));
            return 0;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip().replace(',', '.'));
            if (amount.signum() >= 0 && amount.compareTo(MAX_PRICE) <= 0 && amount.stripTrailingZeros().scale() <= 2) {
                return amount.movePointRight(2).intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(FieldProblem.of("price", "activity.price-invalid"));
        return 0;
    }

    private static List<String> distinct(List<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null) {
                Arrays.stream(value.split("[|,]")).map(String::strip).filter(v -> !v.isEmpty()).forEach(kept::add);
            }
        }
        return List.copyOf(kept);
    }
}
