package org.learningmap.organisations;

import java.util.Optional;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what for an organisation. Each action asks its own question, so a change of rights is
 * one change here; a role is read from the database on every request, so a removed member loses
 * access at once.
 */
@Component
class StaffPolicy {

    private final JdbcClient jdbc;

    StaffPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffRole> roleOf(long accountId, long organisationId) {
        return jdbc.sql("SELECT role FROM membership WHERE account_id = ? AND organisation_id = ?")
                .params(accountId, organisationId).query(String.class).optional().map(StaffRole::valueOf);
    }

    /** Any member sees the organisation's staff page, its venues and its staff. */
    boolean canSeeStaffPage(long accountId, long organisationId) {
        return roleOf(accountId, organisationId).isPresent();
    }

    boolean canEditProfile(long accountId, long organisationId) {
        return has(accountId, organisationId, StaffRole.EDITOR);
    }

    boolean canEditVenues(long accountId, long organisationId) {
        return has(accountId, organisationId, StaffRole.EDITOR);
    }

    boolean canManageStaff(long accountId, long organisationId) {
        return has(accountId, organisationId, StaffRole.OWNER);
    }

    /** The site's coordinators decide on applications to join it. */
    static boolean canDecide(CurrentAccount account, Organisation organisation) {
        return account.coordinates(organisation.siteId());
    }

    private boolean has(long accountId, long organisationId, StaffRole atLeast) {
        return roleOf(accountId, organisationId).map(role -> role.atLeast(atLeast)).orElse(false);
    }
}
