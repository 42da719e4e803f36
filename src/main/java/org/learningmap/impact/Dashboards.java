package org.learningmap.impact;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningmap.catalogue.Audience;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Topic;
import org.learningmap.organisations.Organisations;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Area;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a dashboard's filter from request parameters and writes its figures for a page, as JSON and as
 * CSV: every form reads the same {@link Figures}.
 */
@Component
class Dashboards {

    static final int MAX_MONTHS = 120;
    static final String BAD_PERIOD = "impact.filter.bad-period";

    /** The parameters of the filter form, as typed. */
    record Params(String from, String to, Long area, Long topic, String audience, Long organisation) {
    }

    private final Reports reports;
    private final Sites sites;
    private final Catalogue catalogue;
    private final Organisations organisations;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    Dashboards(Reports reports, Sites sites, Catalogue catalogue, Organisations organisations, MessageSource messages,
               JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.sites = sites;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The filter of a request; a period that cannot be read is a translated 400. */
    ImpactFilter filter(Site site, Params p, Long fixedArea, Long fixedOrganisation) {
        YearMonth now = YearMonth.now(clock.withZone(site.zone()));
        YearMonth to = month(p.to(), now);
        YearMonth from = month(p.from(), to.minusMonths(11));
        if (from.isAfter(to) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw RuleViolation.badRequest(BAD_PERIOD);
        }
        Long area = fixedArea != null ? fixedArea : p.area();
        if (area != null && area != 0 && sites.area(site.id(), area).isEmpty()) {
            throw RuleViolation.notFound();
        }
        String audience = p.audience() == null || p.audience().isBlank() ? null : p.audience().trim().toUpperCase(Locale.ROOT);
        if (audience != null && java.util.Arrays.stream(Audience.values()).noneMatch(a -> a.name().equals(audience))) {
            throw RuleViolation.badRequest("impact.filter.bad-audience");
        }
        Long organisation = fixedOrganisation != null ? fixedOrganisation : p.organisation();
        return new ImpactFilter(site.id(), from, to, area, p.topic(), audience, organisation);
    }

    private static YearMonth month(String typed, YearMonth otherwise) {
        if (typed == null || typed.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(typed.trim());
        } catch (DateTimeParseException e) {
            throw RuleViolation.badRequest(BAD_PERIOD);
        }
    }

    Figures figures(ImpactFilter filter) {
        return reports.figures(filter);
    }

    /** What the filter form offers and how areas are named, per site and language, kept for five minutes. */
    private record Choices(List<Area> areas, Map<Long, String> areaNames, List<Topic> topics, List<Map.Entry<Long, String>> organisations,
                           java.time.Instant at) {
    }

    private final Map<String, Choices> choices = new java.util.concurrent.ConcurrentHashMap<>();

    private Choices choices(long siteId, Locale locale) {
        String key = siteId + ":" + locale.getLanguage();
        Choices kept = choices.get(key);
        java.time.Instant now = clock.instant();
        if (kept != null && kept.at().plus(Reports.KEEP).isAfter(now)) {
            return kept;
        }
        List<Area> areas = sites.areas(siteId).stream().sorted(java.util.Comparator.comparing(Area::code)).toList();
        Map<Long, String> names = new java.util.HashMap<>();
        areas.forEach(a -> names.put(a.id(), a.name().in(locale)));
        names.put(0L, messages.getMessage("impact.area.none", null, locale));
        Choices fresh = new Choices(areas, names, catalogue.topics(siteId), organisationChoices(siteId, locale), now);
        choices.put(key, fresh);
        return fresh;
    }

    String areaName(long siteId, long areaId, Locale locale) {
        String name = choices(siteId, locale).areaNames().get(areaId);
        return name != null ? name : sites.area(siteId, areaId).map(a -> a.name().in(locale)).orElse("");
    }

    /** What the page needs besides the figures: the choices of the filter form and the charts. */
    Map<String, Object> page(Site site, ImpactFilter filter, Figures figures, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("filter", filter);
        model.put("figures", figures);
        Choices c = choices(site.id(), locale);
        model.put("areas", c.areas());
        model.put("topics", c.topics());
        model.put("audiences", Audience.values());
        model.put("organisations", c.organisations());
        List<String> monthLabels = figures.months().stream().map(Figures.MonthRow::month).toList();
        model.put("monthBars", Charts.columns(monthLabels, figures.months().stream().map(Figures.MonthRow::attendances).toList()));
        List<String> areaLabels = figures.areas().stream().map(a -> areaName(site.id(), a.areaId(), locale)).toList();
        model.put("areaNames", areaLabels);
        model.put("areaBars", Charts.rows(areaLabels, figures.areas().stream().map(Figures.AreaRow::uniqueLearners).toList()));
        model.put("areaChartHeight", Charts.rowsHeight(figures.areas().size()));
        model.put("chartWidth", Charts.WIDTH);
        model.put("chartHeight", Charts.HEIGHT);
        model.put("topicName", filter.topicId() == null ? null : c.topics().stream()
                .filter(t -> t.id() == filter.topicId()).map(t -> t.name().in(locale)).findFirst().orElse(null));
        return model;
    }

    /** The organisations with anything counted on the site, by name. */
    List<Map.Entry<Long, String>> organisationChoices(long siteId, Locale locale) {
        List<Long> ids = jdbc.sql("SELECT DISTINCT organisation_id FROM impact_monthly WHERE site_id = ?").param(siteId)
                .query(Long.class).list();
        List<Map.Entry<Long, String>> choices = new ArrayList<>();
        for (long id : ids) {
            organisations.nameOf(id).ifPresent(name -> choices.add(Map.entry(id, name.in(locale))));
        }
        choices.sort(Map.Entry.comparingByValue());
        return choices;
    }

    private static final tools.jackson.databind.json.JsonMapper OPEN_DATA = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The open data as a JSON text: unlike the rest of the API, a suppressed value is written as {@code null}, not left out. */
    String jsonText(Site site, Figures f, Locale locale) {
        return OPEN_DATA.writeValueAsString(json(site, f, locale));
    }

    /** The figures as open data (the API, the JSON download): counts are {@code null} with {@code suppressed: true} when hidden. */
    Map<String, Object> json(Site site, Figures f, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site", site.slug());
        out.put("from", f.filter().from().toString());
        out.put("to", f.filter().to().toString());
        out.put("area", f.filter().areaId());
        out.put("topic", f.filter().topicId());
        out.put("audience", f.filter().audience());
        out.put("organisation", f.filter().organisationId());
        out.put("suppressedBelow", Figure.THRESHOLD);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("sessionsHeld", count(f.sessionsHeld()));
        totals.put("enrolments", count(f.enrolments()));
        totals.put("attendances", count(f.attendances()));
        totals.put("uniqueLearners", count(f.uniqueLearners()));
        totals.put("population", f.population());
        totals.put("populationSharePercent", share(f.populationShare(), f.uniqueLearners().suppressed()));
        totals.put("badgesAwarded", count(f.badges()));
        totals.put("volunteerHours", count(f.volunteerHours()));
        totals.put("oneToOneHelps", count(f.helps()));
        totals.put("ratingsBefore", count(f.ratingsBefore()));
        totals.put("meanSkillBefore", share(f.skillsBefore(), f.skillsBefore() == null));
        totals.put("ratingsAfter", count(f.ratingsAfter()));
        totals.put("meanSkillAfter", share(f.skillsAfter(), f.skillsAfter() == null));
        out.put("totals", totals);
        out.put("months", f.months().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.month());
            row.put("sessionsHeld", count(m.sessionsHeld()));
            row.put("attendances", count(m.attendances()));
            return row;
        }).toList());
        out.put("areas", f.areas().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", a.areaId() == 0 ? null : a.areaId());
            row.put("name", areaName(site.id(), a.areaId(), locale));
            row.put("attendances", count(a.attendances()));
            row.put("uniqueLearners", count(a.uniqueLearners()));
            row.put("population", a.population());
            row.put("populationSharePercent", share(a.populationShare(), a.uniqueLearners().suppressed()));
            return row;
        }).toList());
        return out;
    }

    private static Map<String, Object> count(Figure figure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", figure.value());
        m.put("suppressed", figure.suppressed());
        return m;
    }

    private static Map<String, Object> share(Double value, boolean suppressed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("suppressed", value == null && suppressed);
        return m;
    }

    /** The same figures as CSV: {@code table,row,figure,value,suppressed}; a hidden value is empty with {@code true}. */
    String csv(Site site, Figures f, Locale locale) {
        StringBuilder out = new StringBuilder("table,row,figure,value,suppressed\r\n");
        String all = "all";
        line(out, "totals", all, "sessions_held", f.sessionsHeld());
        line(out, "totals", all, "enrolments", f.enrolments());
        line(out, "totals", all, "attendances", f.attendances());
        line(out, "totals", all, "unique_learners", f.uniqueLearners());
        raw(out, "totals", all, "population", String.valueOf(f.population()), false);
        raw(out, "totals", all, "population_share_percent", f.populationShare() == null ? "" : f.populationShare().toString(),
                f.populationShare() == null && f.uniqueLearners().suppressed());
        line(out, "totals", all, "badges_awarded", f.badges());
        line(out, "totals", all, "volunteer_hours", f.volunteerHours());
        line(out, "totals", all, "one_to_one_helps", f.helps());
        line(out, "totals", all, "ratings_before", f.ratingsBefore());
        raw(out, "totals", all, "mean_skill_before", f.skillsBefore() == null ? "" : f.skillsBefore().toString(), f.skillsBefore() == null);
        line(out, "totals", all, "ratings_after", f.ratingsAfter());
        raw(out, "totals", all, "mean_skill_after", f.skillsAfter() == null ? "" : f.skillsAfter().toString(), f.skillsAfter() == null);
        for (Figures.MonthRow m : f.months()) {
            line(out, "months", m.month(), "sessions_held", m.sessionsHeld());
            line(out, "months", m.month(), "attendances", m.attendances());
        }
        for (Figures.AreaRow a : f.areas()) {
            String name = areaName(site.id(), a.areaId(), locale);
            line(out, "areas", name, "attendances", a.attendances());
            line(out, "areas", name, "unique_learners", a.uniqueLearners());
            raw(out, "areas", name, "population", String.valueOf(a.population()), false);
            raw(out, "areas", name, "population_share_percent", a.populationShare() == null ? "" : a.populationShare().toString(),
                    a.populationShare() == null && a.uniqueLearners().suppressed());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String table, String row, String figure, Figure value) {
        raw(out, table, row, figure, value.suppressed() ? "" : String.valueOf(value.value()), value.suppressed());
    }

    private static void raw(StringBuilder out, String table, String row, String figure, String value, boolean suppressed) {
        out.append(table).append(',').append(quote(row)).append(',').append(figure).append(',').append(value).append(',')
                .append(suppressed).append("\r\n");
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    String topicLabel(Topic t, Locale locale) {
        return t.name().in(locale);
    }
}
