package org.learningmap.demo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk inserts in chunks, so large demo and benchmark data loads quickly. Each chunk becomes one
 * multi-row INSERT (what the PostgreSQL driver's reWriteBatchedInserts would do): far fewer round
 * trips and statements than one per row, without a setting on the shared data source.
 */
final class Batch {

    private static final int ROWS_PER_STATEMENT = 200;
    private static final Pattern VALUES = Pattern.compile("(?is)^(.*\\bVALUES\\s*)(\\(.*\\))\\s*$");

    private Batch() {
    }

    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        insert(jdbc, sql, rows, null);
    }

    /**
     * @param sql   {@code INSERT ... VALUES (?, ?, ...)} for one row
     * @param types the {@link java.sql.Types} of the columns, or null; giving them lets null values
     *              through without asking the database for each statement's parameter types
     */
    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
        Matcher matcher = VALUES.matcher(sql.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a single-row INSERT ... VALUES (...): " + sql);
        }
        String head = matcher.group(1);
        String tuple = matcher.group(2);
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder statement = new StringBuilder(head.length() + chunk.size() * (tuple.length() + 2)).append(head);
            int width = chunk.getFirst().length;
            Object[] values = new Object[chunk.size() * width];
            int[] allTypes = types == null ? null : new int[values.length];
            for (int r = 0; r < chunk.size(); r++) {
                statement.append(r == 0 ? "" : ", ").append(tuple);
                System.arraycopy(chunk.get(r), 0, values, r * width, width);
                if (allTypes != null) {
                    System.arraycopy(types, 0, allTypes, r * width, width);
                }
            }
            if (allTypes == null) {
                jdbc.update(statement.toString(), values);
            } else {
                jdbc.update(statement.toString(), values, allTypes);
            }
        }
    }
}
