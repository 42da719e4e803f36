-- Impact: unique learners counted from sets of person numbers kept in each node's memory.
--
-- Every node keeps, per site, the people of each month-cell of impact_learner_month as a set and counts
-- unique learners by merging sets (see LearnerSets). impact_learner_month stays the source those sets are
-- loaded from; impact_learner_change says which (cell, person) pairs changed since, so that a node brings
-- its sets up to date by reading only those; impact_learner_epoch changes when impact_rebuild() throws the
-- derived tables away, and then every node loads its sets again.

CREATE TABLE impact_learner_epoch (
    id    int    PRIMARY KEY CHECK (id = 1),
    epoch bigint NOT NULL
);
INSERT INTO impact_learner_epoch (id, epoch) VALUES (1, 1);

CREATE TABLE impact_learner_change (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL,
    month           date        NOT NULL,
    organisation_id bigint      NOT NULL,
    area_id         bigint      NOT NULL,
    profile_id      int         NOT NULL,
    person_id       bigint      NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX impact_learner_change_site_idx ON impact_learner_change (site_id);
CREATE INDEX impact_learner_change_at_idx ON impact_learner_change (changed_at);

-- Recomputes whether one person counts as a learner in one month-cell, and notes that it may have changed.
CREATE OR REPLACE FUNCTION impact_refresh_learner(p_site bigint, p_month date, p_org bigint, p_area bigint, p_profile int, p_person bigint)
    RETURNS void LANGUAGE sql AS $$
DELETE FROM impact_learner_month WHERE site_id = p_site AND month = p_month AND organisation_id = p_org AND area_id = p_area
                                   AND profile_id = p_profile AND person_id = p_person;
INSERT INTO impact_learner_month (site_id, month, organisation_id, area_id, profile_id, person_id)
SELECT p_site, p_month, p_org, p_area, p_profile, p_person
  FROM impact_fact
 WHERE site_id = p_site AND day >= p_month AND day < p_month + interval '1 month' AND organisation_id = p_org AND area_id = p_area
   AND profile_id = p_profile AND person_id = p_person AND kind = 'ATTENDANCE'
HAVING sum(delta) > 0;
INSERT INTO impact_learner_change (site_id, month, organisation_id, area_id, profile_id, person_id)
VALUES (p_site, p_month, p_org, p_area, p_profile, p_person);
$$;

-- Throws the derived tables away and computes them again from the facts, set-wise; every node loads its sets again.
CREATE OR REPLACE FUNCTION impact_rebuild() RETURNS void LANGUAGE sql AS $$
TRUNCATE impact_daily, impact_monthly, impact_learner_month, impact_learner_change;
UPDATE impact_learner_epoch SET epoch = epoch + 1;
INSERT INTO impact_daily (site_id, day, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances, no_shows,
                          badges, volunteer_minutes, helps, ratings_before, score_before, ratings_after, score_after)
SELECT site_id, day, organisation_id, area_id, profile_id,
       coalesce(sum(delta) FILTER (WHERE kind = 'SESSION_HELD'), 0), coalesce(sum(delta) FILTER (WHERE kind = 'ENROLMENT'), 0),
       coalesce(sum(delta) FILTER (WHERE kind = 'ATTENDANCE'), 0), coalesce(sum(delta) FILTER (WHERE kind = 'NO_SHOW'), 0),
       coalesce(sum(delta) FILTER (WHERE kind = 'BADGE'), 0), coalesce(sum(delta) FILTER (WHERE kind = 'VOLUNTEER_MINUTES'), 0),
       coalesce(sum(delta) FILTER (WHERE kind = 'HELP'), 0),
       coalesce(sum(delta) FILTER (WHERE kind = 'RATING_BEFORE'), 0), coalesce(sum(amount) FILTER (WHERE kind = 'RATING_BEFORE'), 0),
       coalesce(sum(delta) FILTER (WHERE kind = 'RATING_AFTER'), 0), coalesce(sum(amount) FILTER (WHERE kind = 'RATING_AFTER'), 0)
  FROM impact_fact
 GROUP BY site_id, day, organisation_id, area_id, profile_id;
INSERT INTO impact_monthly (site_id, month, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances, no_shows,
                            badges, volunteer_minutes, helps, ratings_before, score_before, ratings_after, score_after)
SELECT site_id, date_trunc('month', day)::date, organisation_id, area_id, profile_id,
       sum(sessions_held), sum(enrolments), sum(attendances), sum(no_shows), sum(badges), sum(volunteer_minutes), sum(helps),
       sum(ratings_before), sum(score_before), sum(ratings_after), sum(score_after)
  FROM impact_daily
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO impact_learner_month (site_id, month, organisation_id, area_id, profile_id, person_id)
SELECT site_id, date_trunc('month', day)::date, organisation_id, area_id, profile_id, person_id
  FROM impact_fact
 WHERE kind = 'ATTENDANCE' AND person_id IS NOT NULL
 GROUP BY site_id, date_trunc('month', day)::date, organisation_id, area_id, profile_id, person_id
HAVING sum(delta) > 0;
ANALYZE impact_daily;
ANALYZE impact_monthly;
ANALYZE impact_learner_month;
$$;
