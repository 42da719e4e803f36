package org.learningmap.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.learningmap.organisations.AccessibilityFact;
import org.learningmap.shared.GeoPoint;

/**
 * What a person is looking for, shared by the search page, the map and the API so that all three
 * find the same things. {@link #parse} reads request parameters and names each wrong one with a
 * message key; {@link #where} turns the filters into SQL over {@code activity a} and
 * {@link #sessionWhere} into SQL over {@code session s}; {@link #toParameters} writes them back for links.
 *
 * @param text          words to find, in any of the site's languages, typos allowed
 * @param topics        topic slugs; any of them
 * @param audiences     any of these audiences
 * @param age           the learner's age, within the activity's age range
 * @param languages     languages of instruction; any of them
 * @param kinds         kinds of activity; any of them
 * @param mode          online, in person, or either
 * @param from          first day of the date range, in the site's zone
 * @param to            last day of the date range, in the site's zone
 * @param freeOnly      only activities without a price
 * @param accessibility venue facts that must all hold
 * @param organisationId one provider only
 * @param venueId       one venue only
 * @param areaId        venues in one area only
 * @param near          a point to measure distance from (sort by nearest, radius)
 * @param radiusKm      only venues within this distance of {@code near}
 * @param sort          the order of results
 */
public record SearchFilters(String text, Set<String> topics, Set<Audience> audiences, Integer age, Set<String> languages,
                            Set<ActivityKind> kinds, Mode mode, LocalDate from, LocalDate to, boolean freeOnly,
                            Set<AccessibilityFact> accessibility, Long organisationId, Long venueId, Long areaId,
                            GeoPoint near, Double radiusKm, Sort sort) {

    public enum Mode { ANY, ONLINE, IN_PERSON }

    public enum Sort { RELEVANCE, SOONEST, NEAREST }

    /** Filters and the message key of each parameter that could not be understood. */
    public record Parsed(SearchFilters filters, Map<String, String> errors) {
    }

    /** SQL to AND into a query over {@code activity a}, with its named parameters. */
    public record Where(String sql, Map<String, Object> params) {
    }

    public static final SearchFilters NONE = new SearchFilters(null, Set.of(), Set.of(), null, Set.of(), Set.of(), Mode.ANY,
            null, null, false, Set.of(), null, null, null, null, null, Sort.RELEVANCE);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_VALUES = 20;

    public SearchFilters {
        text = text == null || text.isBlank() ? null : text.strip();
        topics = Set.copyOf(topics);
        audiences = Set.copyOf(audiences);
        languages = Set.copyOf(languages);
        kinds = Set.copyOf(kinds);
        accessibility = Set.copyOf(accessibility);
        mode = mode == null ? Mode.ANY : mode;
        sort = sort == null ? (text != null ? Sort.RELEVANCE : Sort.SOONEST) : sort;
        if (sort == Sort.NEAREST && near == null) {
            sort = text != null ? Sort.RELEVANCE : Sort.SOONEST;
        }
    }

    public boolean hasText() {
        return text != null;
    }

    /** True when a condition concerns sessions (when, where, how), not only the activity. */
    public boolean hasSessionConditions() {
        return mode != Mode.ANY || from != null || to != null || !accessibility.isEmpty() || venueId != null
                || areaId != null || (near != null && radiusKm != null);
    }

    public SearchFilters withNear(GeoPoint point, Double radius) {
        return new SearchFilters(text, topics, audiences, age, languages, kinds, mode, from, to, freeOnly, accessibility,
                organisationId, venueId, areaId, point, radius, sort);
    }

    public SearchFilters withSort(Sort newSort) {
        return new SearchFilters(text, topics, audiences, age, languages, kinds, mode, from, to, freeOnly, accessibility,
                organisationId, venueId, areaId, near, radiusKm, newSort);
    }

    /** Reads filters from request parameters; a wrong value is left out and named in the errors. */
    public static Parsed parse(Map<String, String[]> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        String text = first(parameters, "q");
        if (text != null && text.length() > MAX_TEXT) {
            errors.put("q", "search.error.text-too-long");
            text = text.substring(0, MAX_TEXT);
        }
        if (text != null) {
            text = text.replaceAll("\\p{Cntrl}", " ");
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : all(parameters, "topic")) {
            if (SLUG.matcher(topic).matches()) {
                topics.add(topic);
            } else {
                errors.put("topic", "search.error.topic");
            }
        }
        Set<Audience> audiences = enums(parameters, "audience", Audience.class, errors);
        Set<ActivityKind> kinds = enums(parameters, "kind", ActivityKind.class, errors);
        Set<AccessibilityFact> accessibility = enums(parameters, "access", AccessibilityFact.class, errors);
        Set<String> languages = new LinkedHashSet<>();
        for (String language : all(parameters, "language")) {
            String lower = language.toLowerCase(Locale.ROOT);
            if (LANGUAGE.matcher(lower).matches()) {
                languages.add(lower);
            } else {
                errors.put("language", "search.error.language");
            }
        }
        Integer age = integer(parameters, "age", 0, 120, errors);
        Mode mode = Mode.ANY;
        String modeValue = first(parameters, "mode");
        if (modeValue != null) {
            try {
                mode = Mode.valueOf(modeValue.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                errors.put("mode", "search.error.mode");
            }
        }
        LocalDate from = date(parameters, "from", errors);
        LocalDate to = date(parameters, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "search.error.range");
            to = null;
        }
        boolean free = bool(parameters, "free");
        Long organisation = id(parameters, "organisation", errors);
        Long venue = id(parameters, "venue", errors);
        Long area = id(parameters, "area", errors);
        GeoPoint near = null;
        Double lat = decimal(parameters, "lat", -90, 90, errors);
        Double lon = decimal(parameters, "lon", -180, 180, errors);
        if (lat != null && lon != null) {
            near = new GeoPoint(lat, lon);
        } else if (lat != null || lon != null) {
            errors.put(lat == null ? "lat" : "lon", "search.error.coordinates");
        }
        Double radius = decimal(parameters, "radius", 0.1, 1000, errors);
        Sort sort = null;
        String sortValue = first(parameters, "sort");
        if (sortValue != null) {
            try {
                sort = Sort.valueOf(sortValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("sort", "search.error.sort");
            }
        }
        return new Parsed(new SearchFilters(text, topics, audiences, age, languages, kinds, mode, from, to, free,
                accessibility, organisation, venue, area, near, radius, sort), errors);
    }

    /**
     * The conditions as SQL over {@code activity a}: published on the site, matching the activity's own
     * facts, and available: having an upcoming scheduled session that meets the session conditions.
     * An online self-study course ({@link ActivityKind#ONLINE_COURSE}) is available at any time and
     * online, so it needs no session unless a condition asks for a place (in person, a venue, an area,
     * accessibility facts or a radius).
     */
    public Where where(long siteId, ZoneId zone, Instant now) {
        return where(siteId, zone, now, null);
    }

    /**
     * {@link #where(long, ZoneId, Instant)}, telling the database that no matching session starts
     * before {@code startsFrom} (see {@link #since}), so that start-time indexes skip the past.
     */
    Where where(long siteId, ZoneId zone, Instant now, Instant startsFrom) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> and = activityConditions(siteId, now, params);
        and.add(availability(zone, now, startsFrom, params));
        return new Where(String.join("\n  AND ", and), params);
    }

    /**
     * The session conditions as SQL over {@code session s}: scheduled, not yet ended, and within the
     * date range, mode, venue, area, accessibility and radius asked for. It chooses which session an
     * activity is shown with, and is the condition {@link #where} asks at least one session to meet.
     */
    public Where sessionWhere(ZoneId zone, Instant now) {
        return sessionWhere("s", zone, now, null);
    }

    /**
     * {@link #sessionWhere(ZoneId, Instant)} over {@code session <alias>}, with the lower bound on the
     * start of {@link #where(long, ZoneId, Instant, Instant)}.
     */
    Where sessionWhere(String alias, ZoneId zone, Instant now, Instant startsFrom) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new Where(sessionCondition(alias, zone, now, startsFrom, params), params);
    }

    /**
     * The moment a matching session must still be running at: now, or the start of the first day
     * asked for. A session running then started at most a day earlier unless it is longer than a day.
     */
    Instant since(ZoneId zone, Instant now) {
        if (from == null) {
            return now;
        }
        Instant first = from.atStartOfDay(zone).toInstant();
        return first.isAfter(now) ? first : now;
    }

    /** The conditions on the activity itself, without availability: for queries that walk the sessions. */
    Where activityWhere(long siteId, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        return new Where(String.join("\n  AND ", activityConditions(siteId, now, params)), params);
    }

    /** True when a venue, an area, accessibility facts or a radius are asked for. */
    boolean hasVenueConditions() {
        return venueId != null || areaId != null || !accessibility.isEmpty() || (near != null && radiusKm != null);
    }

    boolean isDated() {
        return from != null || to != null;
    }

    /** True when a condition can only be met by a session at a venue. */
    public boolean needsVenue() {
        return mode == Mode.IN_PERSON || venueId != null || areaId != null || !accessibility.isEmpty()
                || (near != null && radiusKm != null);
    }

    /** The same search without the counted facets (topic, audience, language, kind, free, mode). */
    SearchFilters withoutFacets() {
        return new SearchFilters(text, Set.of(), Set.of(), age, Set.of(), Set.of(), Mode.ANY, from, to, false,
                accessibility, organisationId, venueId, areaId, near, radiusKm, sort);
    }

    private List<String> activityConditions(long siteId, Instant now, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        params.put("siteId", siteId);
        params.put("now", java.sql.Timestamp.from(now));
        and.add("a.site_id = :siteId");
        and.add("a.status = 'PUBLISHED'");
        if (text != null) {
            // The words as typed in the whole text, or as corrected by the site's dictionary in the titles
            // (migrations catalogue_search_words and catalogue_search_title_index); each sub-select is
            // computed once per statement.
            and.add("(a.search_document @@ (SELECT lm_text_query(:text)) "
                    + "OR a.search_title @@ (SELECT lm_corrected_query(:siteId, :text)))");
            params.put("text", text);
        }
        if (!topics.isEmpty()) {
            and.add("a.topic_ids && ARRAY(SELECT t.id FROM topic t WHERE t.site_id = :siteId AND t.slug IN (:topics))");
            params.put("topics", List.copyOf(topics));
        }
        if (!audiences.isEmpty()) {
            and.add("a.audiences && CAST(:audiences AS text[])");
            params.put("audiences", arrayLiteral(audiences.stream().map(Enum::name).toList()));
        }
        if (!languages.isEmpty()) {
            and.add("a.languages && CAST(:languages AS text[])");
            params.put("languages", arrayLiteral(List.copyOf(languages)));
        }
        if (!kinds.isEmpty()) {
            and.add("a.kind IN (:kinds)");
            params.put("kinds", kinds.stream().map(Enum::name).toList());
        }
        if (age != null) {
            and.add("(a.min_age IS NULL OR a.min_age <= :age) AND (a.max_age IS NULL OR a.max_age >= :age)");
            params.put("age", age);
        }
        if (freeOnly) {
            and.add("a.price_cents = 0");
        }
        if (organisationId != null) {
            and.add("a.organisation_id = :organisationId");
            params.put("organisationId", organisationId);
        }
        return and;
    }

    /*
     * activity.sessions_until, online_until and in_person_until hold the end of the activity's last
     * scheduled session (all, online, at a venue), kept by triggers: "has an upcoming session" is
     * "that end is after now", answered from the row. Only dates and places need the sessions.
     */
    private String availability(ZoneId zone, Instant now, Instant startsFrom, Map<String, Object> params) {
        if (!isDated() && !hasVenueConditions()) {
            return switch (mode) {
                case ONLINE -> "(a.kind = 'ONLINE_COURSE' OR a.online_until > :now)";
                case IN_PERSON -> "a.in_person_until > :now";
                case ANY -> "(a.kind = 'ONLINE_COURSE' OR a.sessions_until > :now)";
            };
        }
        String session = "EXISTS (SELECT 1 FROM session s WHERE s.activity_id = a.id AND "
                + sessionCondition("s", zone, now, startsFrom, params) + ")";
        if (needsVenue()) {
            return "a.in_person_until > :now AND " + session;
        }
        String until = mode == Mode.ONLINE ? "a.online_until" : "a.sessions_until";
        return "(a.kind = 'ONLINE_COURSE' OR (" + until + " > :now AND " + session + "))";
    }

    private String sessionCondition(String s, ZoneId zone, Instant now, Instant startsFrom, Map<String, Object> params) {
        List<String> session = new ArrayList<>();
        params.put("now", java.sql.Timestamp.from(now));
        session.add(s + ".status = 'SCHEDULED'");
        session.add(s + ".ends_at > :now");
        if (startsFrom != null) {
            session.add(s + ".starts_at >= :startsFrom");
            params.put("startsFrom", java.sql.Timestamp.from(startsFrom));
        }
        if (from != null) {
            session.add(s + ".ends_at > :fromTime");
            params.put("fromTime", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            session.add(s + ".starts_at < :toTime");
            params.put("toTime", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (mode == Mode.ONLINE) {
            session.add(s + ".venue_id IS NULL");
        } else if (mode == Mode.IN_PERSON) {
            session.add(s + ".venue_id IS NOT NULL");
        }
        if (venueId != null) {
            session.add(s + ".venue_id = :venueId");
            params.put("venueId", venueId);
        }
        if (!accessibility.isEmpty() || areaId != null || (near != null && radiusKm != null)) {
            List<String> venue = new ArrayList<>();
            venue.add("v.id = " + s + ".venue_id");
            if (!accessibility.isEmpty()) {
                venue.add("v.accessibility @> CAST(:accessibility AS text[])");
                params.put("accessibility", arrayLiteral(accessibility.stream().map(Enum::name).sorted().toList()));
            }
            if (areaId != null) {
                venue.add("v.area_id = :areaId");
                params.put("areaId", areaId);
            }
            if (near != null && radiusKm != null) {
                venue.add("point(v.lon, v.lat) <@ circle(point(:nearLon, :nearLat), :radiusDegrees)");
                venue.add("earth_distance(ll_to_earth(v.lat, v.lon), ll_to_earth(:nearLat, :nearLon)) <= :radiusMetres");
                params.put("nearLat", near.lat());
                params.put("nearLon", near.lon());
                params.put("radiusMetres", radiusKm * 1000);
                params.put("radiusDegrees", radiusKm / (111.0 * Math.max(0.2, Math.cos(Math.toRadians(Math.abs(near.lat()))))));
            }
            session.add("EXISTS (SELECT 1 FROM venue v WHERE " + String.join(" AND ", venue) + ")");
        }
        return String.join(" AND ", session);
    }

    /** The filters as query parameters, for links that keep them (pagination, map ↔ list, sort). */
    public Map<String, List<String>> toParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text != null) {
            out.put("q", List.of(text));
        }
        put(out, "topic", topics.stream().sorted().toList());
        put(out, "audience", audiences.stream().map(Enum::name).sorted().toList());
        put(out, "language", languages.stream().sorted().toList());
        put(out, "kind", kinds.stream().map(Enum::name).sorted().toList());
        put(out, "access", accessibility.stream().map(Enum::name).sorted().toList());
        if (age != null) {
            out.put("age", List.of(age.toString()));
        }
        if (mode != Mode.ANY) {
            out.put("mode", List.of(mode.name()));
        }
        if (from != null) {
            out.put("from", List.of(from.toString()));
        }
        if (to != null) {
            out.put("to", List.of(to.toString()));
        }
        if (freeOnly) {
            out.put("free", List.of("true"));
        }
        if (organisationId != null) {
            out.put("organisation", List.of(organisationId.toString()));
        }
        if (venueId != null) {
            out.put("venue", List.of(venueId.toString()));
        }
        if (areaId != null) {
            out.put("area", List.of(areaId.toString()));
        }
        if (near != null) {
            out.put("lat", List.of(Double.toString(near.lat())));
            out.put("lon", List.of(Double.toString(near.lon())));
        }
        if (radiusKm != null) {
            out.put("radius", List.of(radiusKm.toString()));
        }
        return out;
    }

    private static void put(Map<String, List<String>> out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.put(name, values);
        }
    }

    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** All values of a repeatable parameter; comma-separated values count as several. */
    private static List<String> all(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values)
                .filter(value -> value != null)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .limit(MAX_VALUES)
                .toList();
    }

    private static <E extends Enum<E>> Set<E> enums(Map<String, String[]> parameters, String name, Class<E> type,
                                                    Map<String, String> errors) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : all(parameters, name)) {
            try {
                result.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                errors.put(name, "search.error." + name);
            }
        }
        return result;
    }

    private static Integer integer(Map<String, String[]> parameters, String name, int min, int max, Map<String, String> errors) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "search.error." + name);
        return null;
    }

    private static Long id(Map<String, String[]> parameters, String name, Map<String, String> errors) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "search.error.id");
        return null;
    }

    private static Double decimal(Map<String, String[]> parameters, String name, double min, double max,
                                  Map<String, String> errors) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "search.error." + name);
        return null;
    }

    private static LocalDate date(Map<String, String[]> parameters, String name, Map<String, String> errors) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(name, "search.error.date");
            return null;
        }
    }

    private static boolean bool(Map<String, String[]> parameters, String name) {
        String value = first(parameters, name);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("on"));
    }
}
