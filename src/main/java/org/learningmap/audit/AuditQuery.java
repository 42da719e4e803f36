package org.learningmap.audit;

import java.time.Instant;

/**
 * Which entries to list: those of one site and/or one organisation (null: all), from (inclusive) and
 * to (exclusive) a time, whose actor's e-mail or account number contains {@code actor}, and whose
 * action contains {@code action} (each null or blank: any).
 */
public record AuditQuery(Long siteId, Long organisationId, Instant from, Instant to, String actor, String action) {
}
