package org.learningmap.audit;

import java.time.Instant;
import java.util.Map;

/** An entry about to be written. */
record NewEntry(Instant at, String event, Long siteId, Long actorAccountId, String actorEmail, String role, String channel,
                String method, String route, Map<String, String> pathVariables, int status, boolean refused,
                Long organisationId, String clientIp, String requestId) {
}
