-- Who was in the room. One row per person and session: PRESENT (with how it was recorded) or, once
-- staff finish the roster, NO_SHOW for a confirmed person never marked present. A walk-in without a
-- place keeps only the name (and a contact if given) the staff typed.
CREATE TABLE attendance (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    activity_id      bigint      NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    session_id       bigint      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    enrolment_id     bigint      REFERENCES enrolment (id) ON DELETE SET NULL,
    account_id       bigint      REFERENCES account (id) ON DELETE SET NULL,
    walk_in_name     text        CHECK (length(walk_in_name) <= 200),
    walk_in_contact  text        CHECK (length(walk_in_contact) <= 200),
    status           text        NOT NULL CHECK (status IN ('PRESENT', 'NO_SHOW')),
    -- how presence was recorded; NULL for a no-show
    method           text        CHECK (method IN ('TAP', 'PASS', 'SESSION_CODE', 'WALK_IN')),
    recorded_by      bigint      REFERENCES account (id) ON DELETE SET NULL,
    recorded_at      timestamptz NOT NULL
);
-- Marking a person twice changes nothing: one row per enrolment and per account in a session.
CREATE UNIQUE INDEX attendance_enrolment_idx ON attendance (session_id, enrolment_id) WHERE enrolment_id IS NOT NULL;
CREATE UNIQUE INDEX attendance_account_idx ON attendance (session_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX attendance_session_idx ON attendance (session_id, status);
CREATE INDEX attendance_account_lookup_idx ON attendance (account_id);
CREATE INDEX attendance_site_idx ON attendance (site_id);
CREATE INDEX attendance_organisation_idx ON attendance (organisation_id);

-- Staff said "finish": the no-shows of the session have been recorded.
CREATE TABLE roster_finish (
    session_id       bigint      PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    finished_by      bigint      REFERENCES account (id) ON DELETE SET NULL,
    finished_at      timestamptz NOT NULL
);
CREATE INDEX roster_finish_site_idx ON roster_finish (site_id);
CREATE INDEX roster_finish_organisation_idx ON roster_finish (organisation_id);

-- A person's check-in pass: a short code, shown as a QR in the account and on a printed card.
CREATE TABLE check_in_pass (
    account_id  bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    code        text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
