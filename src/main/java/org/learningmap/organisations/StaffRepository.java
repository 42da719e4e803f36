package org.learningmap.organisations;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Memberships: who works for which organisation in which role. */
@Repository
class StaffRepository {

    record Member(long accountId, StaffRole role) {
    }

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the account with the role; false when it already works for the organisation. */
    boolean add(long organisationId, long accountId, StaffRole role) {
        return jdbc.sql("""
                        INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, ?)
                        ON CONFLICT (account_id, organisation_id) DO NOTHING
                        """)
                .params(accountId, organisationId, role.name()).update() == 1;
    }

    void changeRole(long organisationId, long accountId, StaffRole role) {
        jdbc.sql("UPDATE membership SET role = ? WHERE organisation_id = ? AND account_id = ?")
                .params(role.name(), organisationId, accountId).update();
    }

    void remove(long organisationId, long accountId) {
        jdbc.sql("DELETE FROM membership WHERE organisation_id = ? AND account_id = ?")
                .params(organisationId, accountId).update();
    }

    List<Member> membersOf(long organisationId) {
        return jdbc.sql("SELECT account_id, role FROM membership WHERE organisation_id = ? ORDER BY role, account_id")
                .param(organisationId)
                .query((rs, n) -> new Member(rs.getLong("account_id"), StaffRole.valueOf(rs.getString("role"))))
                .list();
    }

    List<Long> ownersOf(long organisationId) {
        return jdbc.sql("SELECT account_id FROM membership WHERE organisation_id = ? AND role = 'OWNER' ORDER BY account_id")
                .param(organisationId).query(Long.class).list();
    }
}
