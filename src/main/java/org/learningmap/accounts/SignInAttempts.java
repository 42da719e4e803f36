package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Guards each account against password guessing: every wrong password counts, and after
 * {@code learningmap.sign-in.max-failures} of them in a row the account is locked for
 * {@code learningmap.sign-in.lock-minutes}, even for the right password. A successful sign-in
 * starts the count again. Attempts during a lock do not count, so the lock does not grow forever.
 */
@Component
class SignInAttempts {

    private final AccountRepository accounts;
    private final SignedInSession session;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    SignInAttempts(AccountRepository accounts, SignedInSession session, Clock clock,
                   @Value("${learningmap.sign-in.max-failures}") int maxFailures,
                   @Value("${learningmap.sign-in.lock-minutes}") int lockMinutes) {
        this.accounts = accounts;
        this.session = session;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        String email = event.getAuthentication().getName();
        if (email != null && !email.isBlank() && email.length() <= 320) {
            String typed = email.strip();
            if (PhoneNumbers.looksLikePhone(typed)) {
                PhoneNumbers.normalise(typed, AccountUserDetailsService.country())
                        .ifPresent(phone -> accounts.recordFailedSignInByPhone(phone, maxFailures, clock.instant().plus(lock)));
            } else {
                accounts.recordFailedSignIn(typed, maxFailures, clock.instant().plus(lock));
            }
        }
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentAccount account) {
            accounts.recordSuccessfulSignIn(account.id());
        }
    }

    /** After the sign-in form: the session keeps the account without its password hash. */
    @EventListener
    void signedInWithTheForm(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentAccount account
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpServletResponse response = attributes.getResponse();
            session.store(account, request, response);
        }
    }
}
