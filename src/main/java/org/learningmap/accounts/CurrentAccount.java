package org.learningmap.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as kept in the HTTP session: who they are, whether they administer the
 * platform and which sites they coordinate. Rights in an organisation are asked of the
 * organisations module each time, so a removed membership takes effect at once.
 */
public record CurrentAccount(long id, String email, String displayName, String passwordHash, boolean enabled,
                             boolean locked, boolean platformAdmin, Set<Long> coordinatedSites)
        implements UserDetails, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The prefix of the authority naming one coordinated site: {@code SITE_COORDINATOR_42}. */
    public static final String COORDINATOR_OF = "SITE_COORDINATOR_";

    /** The signed-in account of this request, if any. */
    public static Optional<CurrentAccount> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount account) {
            return Optional.of(account);
        }
        return Optional.empty();
    }

    public boolean coordinates(long siteId) {
        return platformAdmin || coordinatedSites.contains(siteId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (platformAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (!coordinatedSites.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_COORDINATOR"));
            // Modules that cannot depend on accounts (sites) check "coordinates this site" by this authority.
            coordinatedSites.forEach(site -> authorities.add(new SimpleGrantedAuthority(COORDINATOR_OF + site)));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same person without the password hash, for keeping in a session. */
    public CurrentAccount withoutPassword() {
        return new CurrentAccount(id, email, displayName, null, enabled, locked, platformAdmin, coordinatedSites);
    }
}
