package org.learningmap.demo;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bulk inserts in chunks, so large demo and benchmark data loads quickly. */
final class Batch {

    private static final int CHUNK = 1000;

    private Batch() {
    }

    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
    }
}
