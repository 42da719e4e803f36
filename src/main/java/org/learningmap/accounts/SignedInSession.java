package org.learningmap.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, as kept in the session: always the account without its password hash, and
 * replaced when the person changes their name, so pages never show a stale one.
 */
@Component
class SignedInSession {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    /**
     * Signs the person in on a fresh session id and a fresh CSRF token, as the sign-in form does,
     * so neither an id nor a token planted before sign-in is worth anything afterwards.
     */
    void signIn(CurrentAccount account, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
            csrfTokens.saveToken(null, request, response);
        }
        store(account, request, response);
    }

    /** Keeps the person signed in with what is now true of their account. */
    void store(CurrentAccount account, HttpServletRequest request, HttpServletResponse response) {
        CurrentAccount kept = account.withoutPassword();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(kept, null, kept.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
