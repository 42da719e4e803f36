-- The skills check: supervised group sittings, attempts with their answers and versioned results,
-- and before/after self-ratings attached to a session or an activity.

CREATE TABLE assessment_sitting (
    id              bigserial PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES site (id),
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    code            text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('QUICK', 'FULL')),
    place           text        NOT NULL DEFAULT '',
    opened_by       bigint      NOT NULL REFERENCES account (id),
    opened_at       timestamptz NOT NULL,
    closed_at       timestamptz
);
CREATE INDEX assessment_sitting_site_idx ON assessment_sitting (site_id);
CREATE INDEX assessment_sitting_organisation_idx ON assessment_sitting (organisation_id, opened_at DESC);

CREATE TABLE assessment_attempt (
    id              uuid        PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES site (id),
    account_id      bigint      REFERENCES account (id) ON DELETE SET NULL,
    resume_code     text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('QUICK', 'FULL')),
    framework       text        NOT NULL,
    bank_version    text        NOT NULL,
    language        text        NOT NULL,
    sitting_id      bigint      REFERENCES assessment_sitting (id),
    answers         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    started_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    scoring_rule    text,
    result          jsonb,
    CHECK ((finished_at IS NULL) = (result IS NULL))
);
CREATE INDEX assessment_attempt_site_idx ON assessment_attempt (site_id, finished_at);
CREATE INDEX assessment_attempt_account_idx ON assessment_attempt (account_id, started_at DESC) WHERE account_id IS NOT NULL;
CREATE INDEX assessment_attempt_sitting_idx ON assessment_attempt (sitting_id) WHERE sitting_id IS NOT NULL;

-- A short before/after self-rating (0–10 per chosen competence) for a session or an activity.
CREATE TABLE assessment_rating (
    id              bigserial PRIMARY KEY,
    site_id         bigint      NOT NULL REFERENCES site (id),
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    activity_id     bigint      NOT NULL,
    session_id      bigint,
    title           jsonb       NOT NULL,
    competences     text[]      NOT NULL CHECK (cardinality(competences) BETWEEN 1 AND 5),
    code            text        NOT NULL UNIQUE,
    created_by      bigint      NOT NULL REFERENCES account (id),
    created_at      timestamptz NOT NULL
);
CREATE INDEX assessment_rating_site_idx ON assessment_rating (site_id);
CREATE INDEX assessment_rating_organisation_idx ON assessment_rating (organisation_id, created_at DESC);

CREATE TABLE assessment_rating_answer (
    id              bigserial PRIMARY KEY,
    rating_id       bigint      NOT NULL REFERENCES assessment_rating (id) ON DELETE CASCADE,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    phase           text        NOT NULL CHECK (phase IN ('BEFORE', 'AFTER')),
    scores          jsonb       NOT NULL,
    on_paper        boolean     NOT NULL DEFAULT false,
    entered_by      bigint      REFERENCES account (id) ON DELETE SET NULL,
    answered_at     timestamptz NOT NULL
);
CREATE INDEX assessment_rating_answer_rating_idx ON assessment_rating_answer (rating_id, phase);
CREATE INDEX assessment_rating_answer_organisation_idx ON assessment_rating_answer (organisation_id);
