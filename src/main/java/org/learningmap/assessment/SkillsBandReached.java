package org.learningmap.assessment;

import java.time.Instant;

/**
 * A person's finished check placed them in a band of an area (published once per area of each
 * finished check), for example to award a DigComp-aligned badge.
 *
 * @param accountId the person, or {@code null} for a check taken without signing in
 * @param framework the framework id, e.g. {@code digcomp-2.2}
 * @param area      the area code, {@code "1"} to {@code "5"}
 */
public record SkillsBandReached(long siteId, Long accountId, String framework, String area, Band band, Instant at) {
}
