package org.learningmap.accounts;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads the person signing in by e-mail, case-insensitively. */
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
        return accounts.findByEmail(email.strip(), clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
