package org.learningmap.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.organisations.Organisations;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Turns what a request or a sign-in event told into an entry of the audit log. */
@Component
class Recorder {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String REQUEST_ID_ATTRIBUTE = Recorder.class.getName() + ".requestId";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    /** Path variables that carry secrets (reset tokens, claim codes) are never written down. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|code|secret|password).*");

    private final AuditLog log;
    private final Organisations organisations;
    private final Clock clock;
    private final OrganisationOfRequest organisationOfRequest;

    Recorder(AuditLog log, Organisations organisations, Clock clock, OrganisationOfRequest organisationOfRequest) {
        this.log = log;
        this.organisations = organisations;
        this.clock = clock;
        this.organisationOfRequest = organisationOfRequest;
    }

    /** The request's id: the one a load balancer gave it, if it looks like one, else a new one. */
    static String requestId(HttpServletRequest request) {
        Object kept = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (kept instanceof String id) {
            return id;
        }
        String given = request.getHeader(REQUEST_ID_HEADER);
        String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
        return id;
    }

    /** An action through one of the audited doors, after it ran. */
    void request(HttpServletRequest request, Door door, Capture capture, int status, boolean problem) {
        CurrentAccount actor = capture.actor != null ? capture.actor : signedIn(request);
        if (actor == null && door != Door.PASSWORD_RESET) {
            return;
        }
        if (door == Door.API && !staff(actor)) {
            return;
        }
        if (!capture.organisationResolved) {
            capture.organisationId = organisationOfRequest.resolve(capture.pattern, capture.pathVariables,
                    capture.handled ? request::getParameter : null);
            capture.organisationResolved = true;
        }
        Site site = Sites.current(request);
        Long siteId = site == null ? null : site.id();
        boolean refused = status == 401 || status == 403 || problem;
        write(request, "REQUEST", siteId, actor, door == Door.API ? "API" : "PAGE", request.getMethod().toUpperCase(Locale.ROOT),
                capture.pattern, redacted(capture.pathVariables), status, refused, capture.organisationId);
    }

    /** A sign-in, failed sign-in, lockout or sign-out, from the security events. */
    void event(HttpServletRequest request, String event, CurrentAccount actor, Long accountId, String email, String route,
               int status, boolean refused) {
        Site site = request == null ? null : Sites.current(request);
        Long siteId = site == null ? null : site.id();
        Long actorId = actor != null ? Long.valueOf(actor.id()) : accountId;
        String actorEmail = actor != null ? actor.email() : email;
        String role = actor == null ? (actorId == null ? "ANONYMOUS" : "PERSON") : role(actor, null, siteId);
        log.record(new NewEntry(clock.instant(), event, siteId, actorId, actorEmail, role, "PAGE", "POST", route, Map.of(),
                status, refused, null, request == null ? null : ClientAddress.shortened(request.getRemoteAddr()),
                request == null ? UUID.randomUUID().toString() : requestId(request)));
    }

    private void write(HttpServletRequest request, String event, Long siteId, CurrentAccount actor, String channel, String method,
                       String route, Map<String, String> variables, int status, boolean refused, Long organisationId) {
        log.record(new NewEntry(clock.instant(), event, siteId, actor == null ? null : actor.id(), actor == null ? null : actor.email(),
                role(actor, organisationId, siteId), channel, method, route, variables, status, refused, organisationId,
                ClientAddress.shortened(request.getRemoteAddr()), requestId(request)));
    }

    private String role(CurrentAccount actor, Long organisationId, Long siteId) {
        if (actor == null) {
            return "ANONYMOUS";
        }
        if (organisationId != null) {
            var role = organisations.roleOf(actor.id(), organisationId);
            if (role.isPresent()) {
                return role.get().name();
            }
        }
        if (actor.platformAdmin()) {
            return "ADMIN";
        }
        if (siteId != null && actor.coordinatedSites().contains(siteId)) {
            return "COORDINATOR";
        }
        return "PERSON";
    }

    /** Whether the account acts for an organisation or a site, so its API writes are staff actions. */
    private boolean staff(CurrentAccount actor) {
        return actor.platformAdmin() || !actor.coordinatedSites().isEmpty() || !organisations.membershipsOf(actor.id()).isEmpty();
    }

    /**
     * The person signed in on this request, when the web layer never saw them: a request refused by the
     * security rules before any handler ran still belongs to a signed-in person.
     */
    private static CurrentAccount signedIn(HttpServletRequest request) {
        CurrentAccount now = CurrentAccount.get().orElse(null);
        if (now != null) {
            return now;
        }
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (context == null) {
            HttpSession session = request.getSession(false);
            context = session == null ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        if (context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof CurrentAccount account) {
            return account;
        }
        return null;
    }

    private static Map<String, String> redacted(Map<String, String> variables) {
        if (variables == null || variables.isEmpty()) {
            return Map.of();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        variables.forEach((name, value) -> kept.put(name,
                SECRET_NAME.matcher(name).matches() ? "…" : value == null || value.length() <= 100 ? value : value.substring(0, 100)));
        return kept;
    }

    /** The doors whose state-changing requests are audited. */
    enum Door {
        STAFF, API, PASSWORD_RESET;

        static Door of(String method, String path) {
            if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"))) {
                return null;
            }
            if (under(path, "/staff") || under(path, "/coordinator") || under(path, "/admin")) {
                return STAFF;
            }
            if (under(path, "/api/v1")) {
                return API;
            }
            if (under(path, "/password-reset")) {
                return PASSWORD_RESET;
            }
            return null;
        }

        private static boolean under(String path, String prefix) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }
}
