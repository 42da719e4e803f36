package org.learningmap.sites;

import org.learningmap.platform.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change a site. Platform administrators change everything; a site coordinator changes the
 * areas of their own site only. Read from the signed-in person's authorities ({@code ROLE_ADMIN},
 * {@code SITE_COORDINATOR_<id>}), since the accounts module depends on this one and not the reverse.
 */
@Component
class SiteAccess {

    static final String COORDINATOR_OF = "SITE_COORDINATOR_";

    boolean isPlatformAdmin() {
        return has("ROLE_ADMIN");
    }

    boolean canAdministerSites() {
        return isPlatformAdmin();
    }

    boolean canManageAreas(long siteId) {
        return isPlatformAdmin() || has(COORDINATOR_OF + siteId);
    }

    void requirePlatformAdmin() {
        if (!canAdministerSites()) {
            throw RuleViolation.forbidden();
        }
    }

    void requireAreaManager(long siteId) {
        if (!canManageAreas(siteId)) {
            throw RuleViolation.forbidden();
        }
    }

    private static boolean has(String authority) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
