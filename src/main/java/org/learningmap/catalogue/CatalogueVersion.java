package org.learningmap.catalogue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A number that grows whenever an activity, session, topic or an activity's topics change (triggers
 * bump {@code catalogue_change_seq}). Answers kept in memory are reused only while it stays the same,
 * on every node, since all nodes read the same sequence.
 */
@Component
class CatalogueVersion {

    private final JdbcClient jdbc;

    CatalogueVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long current() {
        return jdbc.sql("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM catalogue_change_seq").query(Long.class).single();
    }
}
