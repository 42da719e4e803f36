package org.learningmap.accounts;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads the person signing in by e-mail address (ignoring case) or by phone number. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            throw new UsernameNotFoundException("unknown");
        }
        String typed = email.strip();
        if (PhoneNumbers.looksLikePhone(typed)) {
            return PhoneNumbers.normalise(typed, country())
                    .flatMap(phone -> accounts.findByPhone(phone, clock.instant()))
                    .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        }
        return accounts.findByEmail(typed, clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** The country of the request's site, for phone numbers typed in their national form. */
    static String country() {
        try {
            return org.learningmap.sites.Sites.current().country();
        } catch (org.learningmap.platform.RuleViolation noSite) {
            return null;
        }
    }
}
