package org.learningmap.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in, failed sign-in, lockout and sign-out, from Spring Security's events. A failed attempt names
 * the account only when the typed e-mail belongs to one; what a stranger typed is not kept.
 */
@Component
class SignInAuditing {

    private final Recorder recorder;
    private final Accounts accounts;

    SignInAuditing(Recorder recorder, Accounts accounts) {
        this.recorder = recorder;
        this.accounts = accounts;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentAccount account) {
            recorder.event(request(), "SIGN_IN", account, null, null, "/sign-in", 302, false);
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        HttpServletRequest request = request();
        if (request == null) {
            return;
        }
        String kind = event instanceof AuthenticationFailureBadCredentialsEvent ? "SIGN_IN_FAILED"
                : event instanceof AuthenticationFailureLockedEvent ? "SIGN_IN_LOCKED" : "SIGN_IN_REFUSED";
        int status = event instanceof AuthenticationFailureLockedEvent ? 423 : 401;
        AccountSummary known = known(event.getAuthentication().getName());
        recorder.event(request, kind, null, known == null ? null : known.id(), known == null ? null : known.email(),
                "/sign-in", status, true);
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CurrentAccount account) {
            recorder.event(request(), "SIGN_OUT", account, null, null, "/sign-out", 302, false);
        }
    }

    private AccountSummary known(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 320 || !typed.contains("@")) {
            return null;
        }
        try {
            return accounts.byEmail(typed.strip()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
