-- Impact: the figures of the public dashboard, fed by the other modules' events.
--
-- impact_fact is the source of truth: one append-only row per thing that happened (a session held,
-- a sign-up, an attendance and its withdrawal, a badge and its revocation, volunteer time, a 1:1 help,
-- a before/after self-rating), with the dimensions known when it happened. impact_daily, impact_monthly
-- and impact_learner_month are derived from it and can be dropped and rebuilt at any time with
-- impact_rebuild(). No table holds a name, an e-mail or an account id: a person is an
-- impact_person row whose key is a keyed hash of the account id.

-- The key of the keyed hash (HMAC-SHA-256) that turns an account id into a person key.
CREATE TABLE impact_key (
    id  int   PRIMARY KEY CHECK (id = 1),
    key bytea NOT NULL
);

CREATE TABLE impact_person (
    id         bigserial PRIMARY KEY,
    person_key bytea NOT NULL UNIQUE
);

-- A combination of topics and audiences an activity has: the dimension the topic and audience filters use.
CREATE TABLE impact_profile (
    id        serial PRIMARY KEY,
    site_id   bigint   NOT NULL,
    topic_ids bigint[] NOT NULL,
    audiences text[]   NOT NULL,
    UNIQUE (site_id, topic_ids, audiences)
);
CREATE INDEX impact_profile_topics_idx ON impact_profile USING gin (topic_ids);
CREATE INDEX impact_profile_audiences_idx ON impact_profile USING gin (audiences);

CREATE TABLE impact_fact (
    id              bigserial   PRIMARY KEY,
    site_id         bigint      NOT NULL,
    organisation_id bigint      NOT NULL,
    area_id         bigint      NOT NULL DEFAULT 0,   -- 0: online or no known area
    profile_id      int         NOT NULL DEFAULT 0,   -- 0: no activity (volunteer time, 1:1 help)
    kind            text        NOT NULL CHECK (kind IN ('SESSION_HELD', 'ENROLMENT', 'ATTENDANCE', 'NO_SHOW', 'BADGE',
                                                         'VOLUNTEER_MINUTES', 'HELP', 'RATING_BEFORE', 'RATING_AFTER')),
    day             date        NOT NULL,             -- in the site's zone
    person_id       bigint,
    delta           int         NOT NULL,             -- +1 / -1, or minutes, or the number of scores
    amount          int         NOT NULL DEFAULT 0,   -- the sum of the scores of a self-rating
    source          text,                             -- what it records, e.g. 'enrolment:12', to take each event once
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX impact_fact_site_idx ON impact_fact (site_id, day);
CREATE INDEX impact_fact_organisation_idx ON impact_fact (organisation_id);
CREATE INDEX impact_fact_person_idx ON impact_fact (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX impact_fact_source_idx ON impact_fact (source) WHERE source IS NOT NULL;

CREATE TABLE impact_daily (
    site_id           bigint NOT NULL,
    day               date   NOT NULL,
    organisation_id   bigint NOT NULL,
    area_id           bigint NOT NULL,
    profile_id        int    NOT NULL,
    sessions_held     int    NOT NULL DEFAULT 0,
    enrolments        int    NOT NULL DEFAULT 0,
    attendances       int    NOT NULL DEFAULT 0,
    no_shows          int    NOT NULL DEFAULT 0,
    badges            int    NOT NULL DEFAULT 0,
    volunteer_minutes bigint NOT NULL DEFAULT 0,
    helps             int    NOT NULL DEFAULT 0,
    ratings_before    int    NOT NULL DEFAULT 0,
    score_before      bigint NOT NULL DEFAULT 0,
    ratings_after     int    NOT NULL DEFAULT 0,
    score_after       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day, organisation_id, area_id, profile_id)
);
CREATE INDEX impact_daily_area_idx ON impact_daily (site_id, area_id, day);
CREATE INDEX impact_daily_organisation_idx ON impact_daily (organisation_id, day);

-- The same sums per month: the dashboard's periods are whole months, so it reads these.
CREATE TABLE impact_monthly (
    site_id           bigint NOT NULL,
    month             date   NOT NULL,
    organisation_id   bigint NOT NULL,
    area_id           bigint NOT NULL,
    profile_id        int    NOT NULL,
    sessions_held     int    NOT NULL DEFAULT 0,
    enrolments        int    NOT NULL DEFAULT 0,
    attendances       int    NOT NULL DEFAULT 0,
    no_shows          int    NOT NULL DEFAULT 0,
    badges            int    NOT NULL DEFAULT 0,
    volunteer_minutes bigint NOT NULL DEFAULT 0,
    helps             int    NOT NULL DEFAULT 0,
    ratings_before    int    NOT NULL DEFAULT 0,
    score_before      bigint NOT NULL DEFAULT 0,
    ratings_after     int    NOT NULL DEFAULT 0,
    score_after       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, month, organisation_id, area_id, profile_id)
);
CREATE INDEX impact_monthly_area_idx ON impact_monthly (site_id, area_id, month);
CREATE INDEX impact_monthly_organisation_idx ON impact_monthly (organisation_id, month);

-- Who attended, once per month and cell: what unique learners are counted from.
CREATE TABLE impact_learner_month (
    site_id         bigint NOT NULL,
    month           date   NOT NULL,
    organisation_id bigint NOT NULL,
    area_id         bigint NOT NULL,
    profile_id      int    NOT NULL,
    person_id       bigint NOT NULL,
    PRIMARY KEY (site_id, month, organisation_id, area_id, profile_id, person_id)
);
CREATE INDEX impact_learner_month_area_idx ON impact_learner_month (site_id, area_id, month);
CREATE INDEX impact_learner_month_organisation_idx ON impact_learner_month (organisation_id, month);

-- Recomputes one day-cell of impact_daily from the facts.
CREATE OR REPLACE FUNCTION impact_refresh_daily(p_site bigint, p_day date, p_org bigint, p_area bigint, p_profile int)
    RETURNS void LANGUAGE sql AS $$
DELETE FROM impact_daily WHERE site_id = p_site AND day = p_day AND organisation_id = p_org AND area_id = p_area AND profile_id = p_profile;
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
 WHERE site_id = p_site AND day = p_day AND organisation_id = p_org AND area_id = p_area AND profile_id = p_profile
 GROUP BY site_id, day, organisation_id, area_id, profile_id;
DELETE FROM impact_monthly WHERE site_id = p_site AND month = date_trunc('month', p_day)::date AND organisation_id = p_org
                             AND area_id = p_area AND profile_id = p_profile;
INSERT INTO impact_monthly (site_id, month, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances, no_shows,
                            badges, volunteer_minutes, helps, ratings_before, score_before, ratings_after, score_after)
SELECT site_id, date_trunc('month', day)::date, organisation_id, area_id, profile_id,
       sum(sessions_held), sum(enrolments), sum(attendances), sum(no_shows), sum(badges), sum(volunteer_minutes), sum(helps),
       sum(ratings_before), sum(score_before), sum(ratings_after), sum(score_after)
  FROM impact_daily
 WHERE site_id = p_site AND day >= date_trunc('month', p_day)::date AND day < date_trunc('month', p_day)::date + interval '1 month'
   AND organisation_id = p_org AND area_id = p_area AND profile_id = p_profile
 GROUP BY 1, 2, 3, 4, 5;
$$;

-- Recomputes whether one person counts as a learner in one month-cell.
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
$$;

-- Throws the derived tables away and computes them again from the facts, set-wise.
CREATE OR REPLACE FUNCTION impact_rebuild() RETURNS void LANGUAGE sql AS $$
TRUNCATE impact_daily, impact_monthly, impact_learner_month;
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
