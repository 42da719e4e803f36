package org.learningmap.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved searches of an account on a site; every read and delete is limited to the owner's rows. */
@Repository
class SavedSearches {

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SavedSearch> of(long siteId, long accountId) {
        return jdbc.sql("""
                        SELECT id, name, query, created_at FROM saved_search
                        WHERE site_id = ? AND account_id = ? ORDER BY created_at DESC, id DESC
                        """)
                .params(siteId, accountId)
                .query((rs, n) -> new SavedSearch(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    int count(long accountId) {
        return jdbc.sql("SELECT count(*) FROM saved_search WHERE account_id = ?").param(accountId).query(Integer.class).single();
    }

    long save(long siteId, long accountId, String name, String query, Instant now) {
        return jdbc.sql("""
                        INSERT INTO saved_search (site_id, account_id, name, query, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, accountId, name, query, Timestamp.from(now))
                .query(Long.class).single();
    }

    /** True when the account's search was deleted; false when it is not theirs or does not exist. */
    boolean delete(long siteId, long accountId, long id) {
        return jdbc.sql("DELETE FROM saved_search WHERE id = ? AND site_id = ? AND account_id = ?")
                .params(id, siteId, accountId).update() == 1;
    }
}
