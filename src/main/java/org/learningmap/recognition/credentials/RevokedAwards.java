package org.learningmap.recognition.credentials;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The status-list positions of an organisation's revoked awards (read from the module's own award table). */
@Component
class RevokedAwards {

    private final JdbcClient jdbc;

    RevokedAwards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Integer> statusIndexes(long organisationId) {
        return jdbc.sql("""
                        select status_index from award
                        where organisation_id = ? and revoked_at is not null order by status_index""")
                .param(organisationId).query(Integer.class).list();
    }

    boolean isRevoked(long organisationId, int statusIndex) {
        return jdbc.sql("""
                        select exists (select 1 from award
                                       where organisation_id = ? and status_index = ? and revoked_at is not null)""")
                .param(organisationId).param(statusIndex).query(Boolean.class).single();
    }
}
