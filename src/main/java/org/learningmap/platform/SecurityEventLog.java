package org.learningmap.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes security decisions to the log (logger {@code org.learningmap.security}, one line each): sign-ins that
 * succeed or are refused (and why), sign-outs, and signed-in people refused a page by the access rules. No
 * password, token or session id is ever written, and no address either: a person is named by the first 12 hex
 * digits of the SHA-256 of their lower-cased sign-in name, which an investigator can compute for a suspected
 * address and match, while a log copy alone names nobody. The client's IP address is written as the proxy gave it.
 */
@Component
class SecurityEventLog {

    private static final Logger log = LoggerFactory.getLogger("org.learningmap.security");

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        log.info("sign-in succeeded: person {} from {}", person(event.getAuthentication().getName()), from(event.getAuthentication()));
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        log.warn("sign-in refused ({}): person {} from {}", event.getException().getClass().getSimpleName(),
                person(event.getAuthentication().getName()), from(event.getAuthentication()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        log.info("signed out: person {}", person(event.getAuthentication().getName()));
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return; // a visitor sent to the sign-in page is not a refusal worth a line
        }
        String what = event.getSource() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : String.valueOf(event.getSource().getClass().getSimpleName());
        log.warn("access refused: person {} from {} to {}", person(who.getName()), from(who), what);
    }

    static String person(String name) {
        if (name == null || name.isBlank()) {
            return "(none)";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "(unknown)";
    }
}
