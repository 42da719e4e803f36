package org.learningmap.network.cascades;

import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Component;

/**
 * Who may see and record an organisation's cascades: its staff (educators look, editors and owners
 * record) and the coordinators of its site. Anyone else gets 403; an organisation of another site, 404.
 */
@Component
class CascadeAccess {

    private final Organisations organisations;

    CascadeAccess(Organisations organisations) {
        this.organisations = organisations;
    }

    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /** The organisation's site, after checking it is this request's site. */
    long siteOf(long organisationId) {
        long site = Sites.current().id();
        if (organisations.siteOf(organisationId).filter(id -> id == site).isEmpty()) {
            throw RuleViolation.notFound();
        }
        return site;
    }

    boolean mayRecord(CurrentAccount account, long organisationId, long siteId) {
        return account.coordinates(siteId) || organisations.hasRole(account.id(), organisationId, StaffRole.EDITOR);
    }

    void requireViewer(CurrentAccount account, long organisationId, long siteId) {
        if (!account.coordinates(siteId) && !organisations.hasRole(account.id(), organisationId, StaffRole.EDUCATOR)) {
            throw RuleViolation.forbidden();
        }
    }

    void requireRecorder(CurrentAccount account, long organisationId, long siteId) {
        if (!mayRecord(account, organisationId, siteId)) {
            throw RuleViolation.forbidden();
        }
    }

    void requireCoordinator(CurrentAccount account, long siteId) {
        if (!account.coordinates(siteId)) {
            throw RuleViolation.forbidden();
        }
    }
}
