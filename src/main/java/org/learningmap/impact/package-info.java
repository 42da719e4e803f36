/**
 * The public impact dashboard and open data: sessions held, sign-ups, attendances, unique learners,
 * reach as a share of each area's population, badges, skills before and after, volunteer hours and
 * 1:1 help, per site, area, period, topic, audience and organisation.
 *
 * <p>Fed only by the other modules' events (enrolment, catalogue, recognition, network, assessment,
 * accounts), each turned into an append-only row of {@code impact_fact} with the dimensions asked of
 * the owning modules' facades when it happened. That table is the source of truth; the daily and
 * monthly tables the dashboard reads are derived from it and can be rebuilt from scratch
 * ({@link org.learningmap.impact.Impact#rebuild()}). A person is an anonymous key (a keyed hash of
 * the account id), counted once across all providers; every count under 5 is suppressed. Unique people
 * are merged from sets of person numbers per month-cell kept in each node's memory ({@code LearnerSets}),
 * loaded from {@code impact_learner_month} and kept up to date from {@code impact_learner_change}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Impact")
package org.learningmap.impact;
