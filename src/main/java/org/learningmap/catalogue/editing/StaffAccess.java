package org.learningmap.catalogue.editing;

import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an organisation's activities: educators and above may look, editors and
 * above may change. Anyone else is refused with 403 before anything is read or changed.
 */
@Component
class StaffAccess {

    private final Organisations organisations;

    StaffAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The signed-in account, or 403 (the security chain already asks anonymous visitors to sign in). */
    static CurrentAccount account() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    boolean canView(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDUCATOR);
    }

    boolean canEdit(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDITOR);
    }

    void requireViewer(long accountId, long organisationId) {
        if (!canView(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }

    void requireEditor(long accountId, long organisationId) {
        if (!canEdit(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }
}
