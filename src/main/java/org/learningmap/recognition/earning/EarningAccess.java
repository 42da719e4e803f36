package org.learningmap.recognition.earning;

import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may award a badge: staff (educator or above) of the badge's organisation. A badge of another
 * site is not found; anyone else is refused with 403 before anything is read or changed.
 */
@Component
class EarningAccess {

    private final Recognition recognition;
    private final Organisations organisations;

    EarningAccess(Recognition recognition, Organisations organisations) {
        this.recognition = recognition;
        this.organisations = organisations;
    }

    /** The signed-in account, or 403 (the security chain already asks anonymous visitors to sign in). */
    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    /** The badge, when it is of the request's site (404 otherwise); no permission check. */
    Badge badge(long badgeId) {
        Badge badge = recognition.badge(badgeId).orElseThrow(RuleViolation::notFound);
        if (RequestContextHolder.getRequestAttributes() != null && badge.siteId() != Sites.current().id()) {
            throw RuleViolation.notFound();
        }
        return badge;
    }

    boolean mayAward(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDUCATOR);
    }

    /** The badge, for staff who may award it; 404 for an unknown badge, 403 for anyone else. */
    Badge badgeToAward(long badgeId, long accountId) {
        Badge badge = badge(badgeId);
        if (!mayAward(accountId, badge.organisationId())) {
            throw RuleViolation.forbidden();
        }
        return badge;
    }
}
