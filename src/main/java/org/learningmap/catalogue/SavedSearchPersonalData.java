package org.learningmap.catalogue;

import java.time.Instant;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's saved searches, for the export of their data; deleted with the account. */
@Component
class SavedSearchPersonalData implements PersonalDataContributor {

    record SearchPart(String name, String query, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    SavedSearchPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "savedSearches";
    }

    @Override
    public Object export(long accountId) {
        return jdbc.sql("SELECT name, query, created_at FROM saved_search WHERE account_id = ? ORDER BY created_at DESC, id DESC")
                .param(accountId)
                .query((rs, n) -> new SearchPart(rs.getString("name"), rs.getString("query"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public void forget(long accountId) {
        jdbc.sql("DELETE FROM saved_search WHERE account_id = ?").param(accountId).update();
    }
}
