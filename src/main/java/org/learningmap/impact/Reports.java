package org.learningmap.impact;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learningmap.sites.Area;
import org.learningmap.sites.Sites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the figures of a filter from the pre-aggregated tables (sums over month cells, distinct people
 * over month cells) and suppresses small counts. An answer is kept for five minutes, and until a fact is
 * added on this node; asked again within half an hour, the kept answer is shown while it is computed
 * again in the background (one at a time).
 */
@Component
class Reports {

    static final java.time.Duration KEEP = java.time.Duration.ofMinutes(5);
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(30);

    private record Kept(Figures figures, long version, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Sites sites;
    private final Facts facts;
    private final LearnerSets learnerSets;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final Map<ImpactFilter, Kept> kept = new ConcurrentHashMap<>();
    private final java.util.Set<ImpactFilter> refreshing = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Executor refresher = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("impact-refresh").daemon().factory());

    Reports(JdbcClient jdbc, Sites sites, Facts facts, LearnerSets learnerSets, Clock clock,
            org.springframework.transaction.support.TransactionTemplate transaction) {
        this.learnerSets = learnerSets;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.sites = sites;
        this.facts = facts;
        this.clock = clock;
    }

    Figures figures(ImpactFilter filter) {
        long version = facts.version();
        Instant now = clock.instant();
        Kept k = kept.get(filter);
        if (k != null && k.version() == version) {
            if (k.at().plus(KEEP).isAfter(now)) {
                return k.figures();
            }
            if (k.at().plus(STALE).isAfter(now)) {
                // Older than five minutes: shown once more while it is computed again in the background.
                if (refreshing.add(filter)) {
                    refresher.execute(() -> {
                        try {
                            kept.put(filter, new Kept(compute(filter), version, clock.instant()));
                        } finally {
                            refreshing.remove(filter);
                        }
                    });
                }
                return k.figures();
            }
        }
        if (kept.size() > 2_000) {
            kept.clear();
        }
        Figures figures = compute(filter);
        kept.put(filter, new Kept(figures, version, now));
        return figures;
    }

    /** Where-clause and its parameters for one filter, on a day table ({@code day}) or a month table ({@code month}). */
    private record Where(String sql, List<Object> params) {
    }

    private Where where(ImpactFilter f, boolean months) {
        StringBuilder sql = new StringBuilder(" WHERE site_id = ?");
        List<Object> params = new ArrayList<>(List.of(f.siteId()));
        if (months) {
            sql.append(" AND month >= ? AND month <= ?");
            params.add(Date.valueOf(f.from().atDay(1)));
            params.add(Date.valueOf(f.to().atDay(1)));
        } else {
            sql.append(" AND day >= ? AND day <= ?");
            params.add(Date.valueOf(f.from().atDay(1)));
            params.add(Date.valueOf(f.to().atEndOfMonth()));
        }
        if (f.areaId() != null) {
            sql.append(" AND area_id = ?");
            params.add(f.areaId());
        }
        if (f.organisationId() != null) {
            sql.append(" AND organisation_id = ?");
            params.add(f.organisationId());
        }
        if (f.byProfile()) {
            sql.append(" AND profile_id IN (SELECT id FROM impact_profile WHERE site_id = ?");
            params.add(f.siteId());
            if (f.topicId() != null) {
                sql.append(" AND topic_ids @> ARRAY[?]::bigint[]");
                params.add(f.topicId());
            }
            if (f.audience() != null) {
                sql.append(" AND audiences @> ARRAY[?]::text[]");
                params.add(f.audience());
            }
            sql.append(")");
        }
        return new Where(sql.toString(), params);
    }

    private Figures compute(ImpactFilter f) {
        Where days = where(f, true);
        Map<String, Long> totals = jdbc.sql("""
                        SELECT coalesce(sum(sessions_held), 0) AS sessions_held, coalesce(sum(enrolments), 0) AS enrolments,
                               coalesce(sum(attendances), 0) AS attendances, coalesce(sum(badges), 0) AS badges,
                               coalesce(sum(volunteer_minutes), 0) AS volunteer_minutes, coalesce(sum(helps), 0) AS helps,
                               coalesce(sum(ratings_before), 0) AS ratings_before, coalesce(sum(score_before), 0) AS score_before,
                               coalesce(sum(ratings_after), 0) AS ratings_after, coalesce(sum(score_after), 0) AS score_after
                          FROM impact_monthly""" + days.sql())
                .params(days.params())
                .query((rs, row) -> {
                    Map<String, Long> m = new HashMap<>();
                    for (String c : List.of("sessions_held", "enrolments", "attendances", "badges", "volunteer_minutes", "helps",
                            "ratings_before", "score_before", "ratings_after", "score_after")) {
                        m.put(c, rs.getLong(c));
                    }
                    return m;
                }).single();

        // Months: every month of the period, in order, so the chart has no gaps.
        Map<String, long[]> perMonth = new LinkedHashMap<>();
        for (YearMonth m = f.from(); !m.isAfter(f.to()); m = m.plusMonths(1)) {
            perMonth.put(m.toString(), new long[2]);
        }
        jdbc.sql("SELECT to_char(month, 'YYYY-MM') AS month, sum(attendances) AS a, sum(sessions_held) AS s FROM impact_monthly"
                        + days.sql() + " GROUP BY 1")
                .params(days.params())
                .query(rs -> {
                    long[] cell = perMonth.get(rs.getString("month"));
                    if (cell != null) {
                        cell[0] = rs.getLong("a");
                        cell[1] = rs.getLong("s");
                    }
                });
        List<Figure> monthAttendances = protect(perMonth.values().stream().map(v -> v[0]).toList());
        List<Figure> monthSessions = protect(perMonth.values().stream().map(v -> v[1]).toList());
        List<Figures.MonthRow> months = new ArrayList<>();
        int i = 0;
        for (String month : perMonth.keySet()) {
            months.add(new Figures.MonthRow(month, monthAttendances.get(i), monthSessions.get(i)));
            i++;
        }

        // Areas: always computed for the whole site (with the other filters), so that an area's page shows
        // exactly the cell of the site's table, suppressed the same way.
        AreaTable table = areas(f.withoutArea());
        List<Figures.AreaRow> areas = table.rows();
        Figure attendances;
        Figure unique;
        long population;
        if (f.areaId() != null) {
            Figures.AreaRow row = areas.stream().filter(a -> a.areaId() == f.areaId()).findFirst()
                    .orElse(new Figures.AreaRow(f.areaId(), Figure.ZERO, Figure.ZERO,
                            sites.area(f.siteId(), f.areaId()).map(Area::population).orElse(0), null));
            attendances = row.attendances();
            unique = row.uniqueLearners();
            population = row.population();
            areas = List.of(row);
            if (attendances.suppressed()) {
                // The area's months add up to its total: when the total is hidden, so are they.
                months = months.stream().map(m -> new Figures.MonthRow(m.month(), m.attendances().raw() == 0 && !m.attendances().suppressed()
                        ? m.attendances() : m.attendances().suppress(), m.sessionsHeld())).toList();
            }
        } else {
            attendances = Figure.of(totals.get("attendances"));
            unique = Figure.of(table.uniqueTotal());
            population = table.population();
        }
        long before = totals.get("ratings_before");
        long after = totals.get("ratings_after");
        return new Figures(f, Figure.of(totals.get("sessions_held")), Figure.of(totals.get("enrolments")), attendances, unique,
                population, share(unique, population), Figure.of(totals.get("badges")),
                Figure.of(totals.get("volunteer_minutes") / 60), Figure.of(totals.get("helps")),
                Figure.of(before), mean(before, totals.get("score_before")), Figure.of(after), mean(after, totals.get("score_after")),
                months, areas);
    }

    private record AreaTable(List<Figures.AreaRow> rows, long uniqueTotal, long population) {
    }

    private AreaTable areas(ImpactFilter f) {
        Where months = where(f, true);
        Map<Long, Long> attendances = new HashMap<>();
        jdbc.sql("SELECT area_id, sum(attendances) AS n FROM impact_monthly" + months.sql() + " GROUP BY area_id").params(months.params())
                .query(rs -> {
                    attendances.put(rs.getLong("area_id"), rs.getLong("n"));
                });
        // People per area and in all: merged from the sets kept in memory, or counted in the database while they are loaded.
        LearnerSets.Counts people = learnerSets.count(f.siteId(), f.from(), f.to(), f.organisationId(), profiles(f))
                .orElseGet(() -> uniqueInDatabase(f));
        Map<Long, Long> unique = people.perArea();
        long[] uniqueTotal = {people.total()};
        List<Area> known = sites.areas(f.siteId()).stream().sorted(Comparator.comparing(Area::code)).toList();
        List<Long> ids = new ArrayList<>(known.stream().map(Area::id).toList());
        ids.add(0L);
        List<Figure> a = protect(ids.stream().map(id -> attendances.getOrDefault(id, 0L)).toList());
        List<Figure> u = protect(ids.stream().map(id -> unique.getOrDefault(id, 0L)).toList());
        List<Figures.AreaRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long population = i < known.size() ? known.get(i).population() : 0;
            rows.add(new Figures.AreaRow(ids.get(i), a.get(i), u.get(i), population, share(u.get(i), population)));
        }
        return new AreaTable(rows, uniqueTotal[0], known.stream().mapToLong(Area::population).sum());
    }

    /** The topic/audience combinations of a filter; null when it asks for none. */
    private java.util.Set<Integer> profiles(ImpactFilter f) {
        if (!f.byProfile()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM impact_profile WHERE site_id = ?");
        List<Object> params = new ArrayList<>(List.of(f.siteId()));
        if (f.topicId() != null) {
            sql.append(" AND topic_ids @> ARRAY[?]::bigint[]");
            params.add(f.topicId());
        }
        if (f.audience() != null) {
            sql.append(" AND audiences @> ARRAY[?]::text[]");
            params.add(f.audience());
        }
        return new java.util.HashSet<>(jdbc.sql(sql.toString()).params(params).query(Integer.class).list());
    }

    /** The unique people of a filter (the area ignored) per area and in all, counted with {@code count(DISTINCT)} in the database. */
    LearnerSets.Counts uniqueInDatabase(ImpactFilter f) {
        Where months = where(f.withoutArea(), true);
        Map<Long, Long> unique = new HashMap<>();
        long[] uniqueTotal = {0};
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL work_mem = '64MB'").update();
            jdbc.sql("WITH seen AS MATERIALIZED (SELECT DISTINCT area_id, person_id FROM impact_learner_month" + months.sql() + ")"
                            + " SELECT area_id, count(*) AS n FROM seen GROUP BY area_id"
                            + " UNION ALL SELECT NULL, count(*) FROM (SELECT DISTINCT person_id FROM seen) people")
                    .params(months.params())
                    .query(rs -> {
                        Object area = rs.getObject("area_id");
                        if (area == null) {
                            uniqueTotal[0] = rs.getLong("n");
                        } else {
                            unique.put(((Number) area).longValue(), rs.getLong("n"));
                        }
                    });
        });
        return new LearnerSets.Counts(unique, uniqueTotal[0]);
    }

    /**
     * The cells of a breakdown that adds up to a shown total, suppressed: first each from 1 to 4, then,
     * while the suppressed cells could be worked out from the total (only one of them, or together
     * fewer than 5), the smallest shown non-zero cell as well.
     */
    static List<Figure> protect(List<Long> raw) {
        boolean[] hidden = new boolean[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            hidden[i] = raw.get(i) > 0 && raw.get(i) < Figure.THRESHOLD;
        }
        while (true) {
            int count = 0;
            long sum = 0;
            for (int i = 0; i < raw.size(); i++) {
                if (hidden[i]) {
                    count++;
                    sum += raw.get(i);
                }
            }
            if (count == 0 || (count >= 2 && sum >= Figure.THRESHOLD)) {
                break;
            }
            int smallest = -1;
            for (int i = 0; i < raw.size(); i++) {
                if (!hidden[i] && raw.get(i) > 0 && (smallest < 0 || raw.get(i) < raw.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            hidden[smallest] = true;
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            figures.add(hidden[i] ? new Figure(null, true) : new Figure(raw.get(i), false));
        }
        return figures;
    }

    private static Double share(Figure unique, long population) {
        if (unique.suppressed() || population <= 0) {
            return null;
        }
        return Math.round(10000.0 * unique.raw() / population) / 100.0;
    }

    private static Double mean(long answers, long total) {
        if (answers < Figure.THRESHOLD) {
            return null;
        }
        return Math.round((double) total / answers) / 10.0;
    }
}
