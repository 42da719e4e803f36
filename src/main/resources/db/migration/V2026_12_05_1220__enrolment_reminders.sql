-- "Still coming?" reminders, one per sign-up and session. Inserting the row claims the reminder, so
-- with several nodes each reminder is sent once; the link's secret is kept only as its SHA-256 hash.
CREATE TABLE enrolment_reminder (
    id               bigserial   PRIMARY KEY,
    enrolment_id     bigint      NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
    session_id       bigint      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    token_hash       text        NOT NULL UNIQUE,
    sent_at          timestamptz NOT NULL,
    answered_at      timestamptz,
    answer           text        CHECK (answer IN ('COMING', 'RELEASED')),
    UNIQUE (enrolment_id, session_id)
);
CREATE INDEX enrolment_reminder_session_idx ON enrolment_reminder (session_id);
CREATE INDEX enrolment_reminder_organisation_idx ON enrolment_reminder (organisation_id);
CREATE INDEX enrolment_reminder_site_idx ON enrolment_reminder (site_id);
