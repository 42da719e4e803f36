-- Ways to earn a badge besides attendance: bulk award files, claim codes shown in a room, and
-- evidence a learner submits for review. Awards themselves live in the award table.

-- A CSV bulk award running in the background; any node shows its progress from here.
CREATE TABLE bulk_award_job (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    badge_id         bigint      NOT NULL REFERENCES badge (id) ON DELETE CASCADE,
    account_id       bigint      REFERENCES account (id) ON DELETE SET NULL,
    file_name        text        NOT NULL,
    status           text        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows       int         NOT NULL CHECK (total_rows >= 0),
    processed_rows   int         NOT NULL DEFAULT 0,
    awarded_rows     int         NOT NULL DEFAULT 0,
    held_rows        int         NOT NULL DEFAULT 0,
    failed_rows      int         NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    heartbeat_at     timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
CREATE INDEX bulk_award_job_site_idx ON bulk_award_job (site_id);
CREATE INDEX bulk_award_job_organisation_idx ON bulk_award_job (organisation_id);
CREATE INDEX bulk_award_job_badge_idx ON bulk_award_job (badge_id, created_at DESC);
CREATE INDEX bulk_award_job_running_idx ON bulk_award_job (heartbeat_at) WHERE status = 'RUNNING';

-- One line of a job's report per row of the file: awarded, already held, or an error with its reason.
-- The key (job, row) makes a retried row write nothing new.
CREATE TABLE bulk_award_row (
    job_id           bigint      NOT NULL REFERENCES bulk_award_job (id) ON DELETE CASCADE,
    row_number       int         NOT NULL,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    email            text        NOT NULL,
    outcome          text        NOT NULL CHECK (outcome IN ('AWARDED', 'HELD', 'ERROR')),
    reason           text,
    args             jsonb       NOT NULL DEFAULT '[]'::jsonb,
    award_id         bigint,
    PRIMARY KEY (job_id, row_number)
);
CREATE INDEX bulk_award_row_site_idx ON bulk_award_row (site_id);
CREATE INDEX bulk_award_row_organisation_idx ON bulk_award_row (organisation_id);

-- A claim opened by staff: a short code (kept hashed) that gives the badge to whoever opens it
-- signed in, until it expires or is closed.
CREATE TABLE badge_claim (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    badge_id         bigint      NOT NULL REFERENCES badge (id) ON DELETE CASCADE,
    code_hash        text        NOT NULL UNIQUE,
    opened_by        bigint      REFERENCES account (id) ON DELETE SET NULL,
    opened_at        timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    closed_at        timestamptz
);
CREATE INDEX badge_claim_site_idx ON badge_claim (site_id);
CREATE INDEX badge_claim_organisation_idx ON badge_claim (organisation_id);
CREATE INDEX badge_claim_badge_idx ON badge_claim (badge_id, expires_at DESC);

-- Who claimed with which claim: one line per person and claim.
CREATE TABLE badge_claim_use (
    claim_id         bigint      NOT NULL REFERENCES badge_claim (id) ON DELETE CASCADE,
    account_id       bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    award_id         bigint      NOT NULL,
    claimed_at       timestamptz NOT NULL,
    PRIMARY KEY (claim_id, account_id)
);
CREATE INDEX badge_claim_use_account_idx ON badge_claim_use (account_id);
CREATE INDEX badge_claim_use_site_idx ON badge_claim_use (site_id);
CREATE INDEX badge_claim_use_organisation_idx ON badge_claim_use (organisation_id);

-- Whether a badge can be earned with evidence, and who reviews it: the organisation's staff
-- (ORGANISER), also people who hold the badge (PEER), or the learner themselves (SELF).
CREATE TABLE badge_evidence_setting (
    badge_id         bigint      PRIMARY KEY REFERENCES badge (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    accepts          boolean     NOT NULL DEFAULT false,
    review           text        NOT NULL DEFAULT 'ORGANISER' CHECK (review IN ('ORGANISER', 'PEER', 'SELF')),
    updated_at       timestamptz NOT NULL
);
CREATE INDEX badge_evidence_setting_site_idx ON badge_evidence_setting (site_id) WHERE accepts;
CREATE INDEX badge_evidence_setting_organisation_idx ON badge_evidence_setting (organisation_id);

-- A learner's evidence for a badge: text, a link or a file (kept here, at most a few MB). One per
-- person and badge; "ask to improve" sends it back, the learner changes it and submits again.
CREATE TABLE evidence_submission (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    badge_id         bigint      NOT NULL REFERENCES badge (id) ON DELETE CASCADE,
    account_id       bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED')),
    body             text        CHECK (length(body) <= 8000),
    link             text        CHECK (length(link) <= 2000),
    file_name        text        CHECK (length(file_name) <= 200),
    file_type        text,
    file_bytes       bytea,
    award_id         bigint,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (badge_id, account_id)
);
CREATE INDEX evidence_submission_site_idx ON evidence_submission (site_id);
CREATE INDEX evidence_submission_organisation_idx ON evidence_submission (organisation_id, status);
CREATE INDEX evidence_submission_account_idx ON evidence_submission (account_id);

-- The history of a submission: each submission, decision and comment, in order.
CREATE TABLE evidence_event (
    id               bigserial   PRIMARY KEY,
    submission_id    bigint      NOT NULL REFERENCES evidence_submission (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    author_id        bigint      REFERENCES account (id) ON DELETE SET NULL,
    kind             text        NOT NULL CHECK (kind IN ('SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED', 'COMMENT')),
    comment          text        CHECK (length(comment) <= 4000),
    created_at       timestamptz NOT NULL
);
CREATE INDEX evidence_event_submission_idx ON evidence_event (submission_id, id);
CREATE INDEX evidence_event_site_idx ON evidence_event (site_id);
CREATE INDEX evidence_event_organisation_idx ON evidence_event (organisation_id);
