package org.learningmap.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts, per application table, the committed rows added minus the rows removed, with a row trigger on
 * every table; a rolled-back request leaves no count behind. Reading the counts is one small query, so
 * every refused request can be checked for rows it left.
 */
final class WriteCounter {

    /**
     * Tables the application writes on its own schedule, whatever a request does, and the audit log,
     * which records every staff request, refused ones included, on purpose.
     */
    private static final Set<String> BACKGROUND = Set.of("flyway_schema_history", "shedlock", "hostile_row_delta",
            "spring_session", "spring_session_attributes", "event_publication", "event_publication_archive",
            "audit_entry");

    /**
     * Tables filled by event listeners after an earlier request's transaction committed (the impact
     * figures, the e-mail outbox): they change while a later request runs, whatever that request does.
     */
    private static final List<String> LISTENER_PREFIXES = List.of("impact_", "outbox_");

    private WriteCounter() {
    }

    static void install(JdbcClient jdbc) {
        uninstall(jdbc);
        jdbc.sql("CREATE TABLE hostile_row_delta (t text PRIMARY KEY, delta bigint NOT NULL)").update();
        jdbc.sql("""
                CREATE FUNCTION hostile_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO hostile_row_delta VALUES (TG_TABLE_NAME, CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END)
                  ON CONFLICT (t) DO UPDATE SET delta = hostile_row_delta.delta + EXCLUDED.delta;
                  RETURN NULL;
                END $$""").update();
        for (String table : tables(jdbc)) {
            jdbc.sql("CREATE TRIGGER hostile_count AFTER INSERT OR DELETE ON \"" + table + "\" FOR EACH ROW EXECUTE FUNCTION hostile_count()")
                    .update();
        }
    }

    static void uninstall(JdbcClient jdbc) {
        for (String table : tables(jdbc)) {
            jdbc.sql("DROP TRIGGER IF EXISTS hostile_count ON \"" + table + "\"").update();
        }
        jdbc.sql("DROP FUNCTION IF EXISTS hostile_count() CASCADE").update();
        jdbc.sql("DROP TABLE IF EXISTS hostile_row_delta").update();
    }

    private static List<String> tables(JdbcClient jdbc) {
        List<String> tables = new ArrayList<>(jdbc.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                ORDER BY table_name""").query(String.class).list());
        tables.removeIf(table -> BACKGROUND.contains(table) || LISTENER_PREFIXES.stream().anyMatch(table::startsWith));
        return tables;
    }

    static String snapshot(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(string_agg(t || '=' || delta, ',' ORDER BY t), '') FROM hostile_row_delta")
                .query(String.class).single();
    }

    static String difference(String before, String after) {
        Map<String, Long> counts = new LinkedHashMap<>();
        parse(after).forEach((table, count) -> counts.merge(table, count, Long::sum));
        parse(before).forEach((table, count) -> counts.merge(table, -count, Long::sum));
        counts.values().removeIf(count -> count == 0);
        return counts.toString();
    }

    private static Map<String, Long> parse(String snapshot) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (!snapshot.isEmpty()) {
            for (String part : snapshot.split(",")) {
                String[] kv = part.split("=");
                counts.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return counts;
    }
}
