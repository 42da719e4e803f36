package org.learningmap.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded action: when, on which site, who (account number and the e-mail they had then), in
 * which role and through which door, the route pattern and its path variables, the outcome, the
 * organisation it touched (when known), the shortened client address and the request id.
 */
public record AuditEntry(long id, Instant at, String event, Long siteId, Long actorAccountId, String actorEmail, String role,
                         String channel, String method, String route, Map<String, String> pathVariables, int status,
                         boolean refused, Long organisationId, String clientIp, String requestId) {

    /** What was done, as shown in the list: {@code POST /staff/organisations/{orgId}/activities/{id}/publish}. */
    public String action() {
        return method + " " + route;
    }
}
