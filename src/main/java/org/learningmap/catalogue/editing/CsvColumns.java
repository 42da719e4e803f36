package org.learningmap.catalogue.editing;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningmap.shared.Languages;

/**
 * The columns of an activity import file and how a row becomes an activity with its sessions. The
 * import page documents every column from {@link #COLUMNS}; problems name the column a person sees.
 */
final class CsvColumns {

    /** A column and whether every file must have it. */
    record Column(String name, boolean required) {
    }

    /** A row read: the activity input, and the sessions to add when {@code firstStart} is given. */
    record RowPlan(ActivityInput activity, LocalDateTime firstStart, Integer durationMinutes, Integer weeklyCount,
                   SessionPlan place, List<FieldProblem> problems) {
    }

    static final List<String> TEXT_COLUMNS = List.of("title", "summary", "description", "easy_read");
    static final List<Column> COLUMNS;

    static {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("kind", true));
        for (String text : TEXT_COLUMNS) {
            for (String language : Languages.INTERFACE) {
                columns.add(new Column(text + "_" + language, false));
            }
        }
        for (String name : List.of("topics", "audiences", "min_age", "max_age", "languages", "digcomp", "price",
                "voucher_eligible", "venue_id", "online_url", "first_start", "duration_minutes", "weekly_count", "capacity", "level")) {
            columns.add(new Column(name, false));
        }
        COLUMNS = List.copyOf(columns);
    }

    static final int MAX_WEEKLY = SeriesRule.MAX_SESSIONS;
    private static final Set<String> YES = Set.of("yes", "true", "1", "y", "taip", "так");
    private static final Set<String> NO = Set.of("", "no", "false", "0", "n", "ne", "ні");
    private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
            Map.entry("minAge", "min_age"), Map.entry("maxAge", "max_age"), Map.entry("onlineUrl", "online_url"),
            Map.entry("durationMinutes", "duration_minutes"), Map.entry("venueId", "venue_id"),
            Map.entry("startsAt", "first_start"), Map.entry("endsAt", "duration_minutes"), Map.entry("from", "first_start"),
            Map.entry("until", "weekly_count"), Map.entry("count", "weekly_count"), Map.entry("days", "first_start"),
            Map.entry("startTime", "first_start"), Map.entry("voucherEligible", "voucher_eligible"));

    private CsvColumns() {
    }

    /** Whole-file problems of a header: unknown columns, missing kind or default-language title. */
    static CsvFile.Malformed headerProblem(List<String> header, String defaultLanguage) {
        Set<String> known = new java.util.HashSet<>();
        COLUMNS.forEach(c -> known.add(c.name()));
        if (!header.contains("kind") && header.stream().noneMatch(h -> h.startsWith("title_"))) {
            return new CsvFile.Malformed("import.error.no-header");
        }
        for (String name : header) {
            if (!known.contains(name)) {
                return new CsvFile.Malformed("import.error.unknown-column", name);
            }
        }
        for (String required : List.of("kind", "title_" + defaultLanguage)) {
            if (!header.contains(required)) {
                return new CsvFile.Malformed("import.error.missing-column", required);
            }
        }
        return null;
    }

    /** The column a field problem belongs to, as written in the file. */
    static String column(String field) {
        int dot = field.indexOf('.');
        if (dot > 0) {
            String base = field.substring(0, dot);
            return ("easyRead".equals(base) ? "easy_read" : base) + "_" + field.substring(dot + 1);
        }
        return FIELD_TO_COLUMN.getOrDefault(field, field);
    }

    static RowPlan read(CsvFile file, CsvFile.Row row) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String text : TEXT_COLUMNS) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String language : Languages.INTERFACE) {
                String value = cell(file, row, text + "_" + language);
                if (!value.isEmpty()) {
                    values.put(language, value);
                }
            }
            texts.put(text, values);
        }
        String price = cell(file, row, "price");
        boolean voucher = bool(cell(file, row, "voucher_eligible"), "voucher_eligible", problems);
        String kind = cell(file, row, "kind");
        String online = cell(file, row, "online_url");
        String duration = cell(file, row, "duration_minutes");
        boolean onlineCourse = "ONLINE_COURSE".equalsIgnoreCase(kind.replace('-', '_'));
        ActivityInput input = new ActivityInput(kind, texts.get("title"), texts.get("summary"), texts.get("description"),
                texts.get("easy_read"), list(file, row, "topics"), list(file, row, "digcomp"), list(file, row, "audiences"),
                cell(file, row, "min_age"), cell(file, row, "max_age"), list(file, row, "languages"),
                price.isEmpty() ? null : price, voucher, online.isEmpty() ? null : online, onlineCourse ? duration : null,
                cell(file, row, "level"));
        LocalDateTime firstStart = null;
        Integer minutes = null;
        Integer weekly = null;
        SessionPlan place = null;
        String start = cell(file, row, "first_start");
        if (!start.isEmpty()) {
            try {
                firstStart = LocalDateTime.parse(start.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("first_start", "import.error.start"));
            }
            minutes = ActivityValidator.whole("duration_minutes", duration, SeriesRule.MIN_DURATION, SeriesRule.MAX_DURATION, problems);
            if (duration.isEmpty()) {
                problems.add(FieldProblem.of("duration_minutes", "validation.required"));
            }
            String count = cell(file, row, "weekly_count");
            weekly = count.isEmpty() ? 1 : ActivityValidator.whole("weekly_count", count, 1, MAX_WEEKLY, problems);
            Long venue = null;
            String venueCell = cell(file, row, "venue_id");
            if (!venueCell.isEmpty()) {
                try {
                    venue = Long.parseLong(venueCell);
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of("venue_id", "session.venue-unknown"));
                }
            }
            Integer capacity = ActivityValidator.whole("capacity", cell(file, row, "capacity"), 1, ActivityEditing.MAX_CAPACITY, problems);
            place = new SessionPlan(venue, venue == null && !online.isEmpty() ? online : null, capacity);
        } else if (!cell(file, row, "weekly_count").isEmpty() || !cell(file, row, "venue_id").isEmpty()) {
            problems.add(FieldProblem.of("first_start", "import.error.start-required"));
        }
        return new RowPlan(input, firstStart, minutes, weekly, place, problems);
    }

    /** The weekly series (or single session) of a row, in the site's zone. */
    static SeriesRule series(RowPlan plan) {
        return new SeriesRule(SeriesRule.Frequency.WEEKLY, 1, EnumSet.of(plan.firstStart().getDayOfWeek()),
                plan.firstStart().toLocalDate(), null, plan.weeklyCount(), plan.firstStart().toLocalTime(), plan.durationMinutes());
    }

    static ZonedDateTime start(RowPlan plan, ZoneId zone) {
        return ZonedDateTime.of(plan.firstStart(), zone);
    }

    /** The downloadable template: the header and two example rows. */
    static String template(Long venueId, java.time.LocalDate firstDay) {
        String header = String.join(",", COLUMNS.stream().map(Column::name).toList());
        Map<String, String> first = new LinkedHashMap<>();
        first.put("kind", "COURSE");
        first.put("title_en", "Smartphone basics for seniors");
        first.put("title_lt", "Išmaniojo telefono pagrindai senjorams");
        first.put("title_uk", "Основи смартфона для людей старшого віку");
        first.put("summary_en", "Calls, messages, photos and video calls, step by step.");
        first.put("summary_lt", "Skambučiai, žinutės, nuotraukos ir vaizdo skambučiai – žingsnis po žingsnio.");
        first.put("summary_uk", "Дзвінки, повідомлення, фото й відеодзвінки – крок за кроком.");
        first.put("topics", "digital-skills");
        first.put("audiences", "SENIORS|ADULTS");
        first.put("min_age", "55");
        first.put("languages", "lt|uk");
        first.put("digcomp", "2.1|4.2");
        first.put("price", "0");
        first.put("venue_id", venueId == null ? "" : venueId.toString());
        first.put("online_url", venueId == null ? "https://meet.example.org/smartphone" : "");
        first.put("first_start", firstDay + " 10:00");
        first.put("duration_minutes", "90");
        first.put("weekly_count", "6");
        first.put("capacity", "12");
        Map<String, String> second = new LinkedHashMap<>();
        second.put("kind", "ONLINE_COURSE");
        second.put("title_en", "Safe online banking");
        second.put("title_lt", "Saugi elektroninė bankininkystė");
        second.put("title_uk", "Безпечний онлайн-банкінг");
        second.put("topics", "online-safety");
        second.put("audiences", "ADULTS");
        second.put("languages", "lt|en");
        second.put("price", "12.50");
        second.put("voucher_eligible", "yes");
        second.put("online_url", "https://learn.example.org/safe-banking");
        second.put("duration_minutes", "240");
        second.put("level", "BEGINNER");
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (Map<String, String> example : List.of(first, second)) {
            csv.append(String.join(",", COLUMNS.stream().map(c -> quote(example.getOrDefault(c.name(), ""))).toList())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String cell(CsvFile file, CsvFile.Row row, String column) {
        return row.cell(file.column(column));
    }

    private static List<String> list(CsvFile file, CsvFile.Row row, String column) {
        String value = cell(file, row, column);
        return value.isEmpty() ? List.of() : List.of(value);
    }

    private static boolean bool(String value, String field, List<FieldProblem> problems) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return true;
        }
        if (!NO.contains(lower)) {
            problems.add(FieldProblem.of(field, "import.error.yes-no"));
        }
        return false;
    }
}
