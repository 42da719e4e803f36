-- Why a coordinator sent an activity back to its organisation, shown to its staff until it is published.
ALTER TABLE activity ADD COLUMN review_note text;

-- A CSV import running in the background. Its state lives here, so any node can show its progress.
CREATE TABLE import_job (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    account_id       bigint      NOT NULL REFERENCES account (id),
    file_name        text        NOT NULL,
    publish          boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_rows       int         NOT NULL CHECK (total_rows >= 0),
    processed_rows   int         NOT NULL DEFAULT 0,
    imported_rows    int         NOT NULL DEFAULT 0,
    published_rows   int         NOT NULL DEFAULT 0,
    failed_rows      int         NOT NULL DEFAULT 0,
    -- [{"row": 3, "field": "min_age", "key": "activity.age-range", "args": []}, …]
    report           jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
CREATE INDEX import_job_organisation_idx ON import_job (organisation_id, created_at DESC);
CREATE INDEX activity_organisation_status_idx ON activity (organisation_id, status);
CREATE INDEX activity_pending_idx ON activity (site_id) WHERE status = 'PENDING_REVIEW';
