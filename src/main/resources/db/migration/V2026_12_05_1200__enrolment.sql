-- Places: one pool per session, or one per activity when a single sign-up covers all its sessions
-- (a course or a camp: session_id IS NULL). A place is taken by a conditional UPDATE of "confirmed"
-- on the pool row, so two people can never take the last place.
CREATE TABLE place_pool (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    activity_id      bigint      NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    session_id       bigint      REFERENCES session (id) ON DELETE CASCADE,
    capacity         int         CHECK (capacity IS NULL OR capacity > 0),   -- NULL: no limit
    confirmed        int         NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
    CHECK (capacity IS NULL OR confirmed <= capacity)
);
CREATE UNIQUE INDEX place_pool_session_idx ON place_pool (session_id) WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX place_pool_activity_idx ON place_pool (activity_id) WHERE session_id IS NULL;
CREATE INDEX place_pool_organisation_idx ON place_pool (organisation_id);
CREATE INDEX place_pool_site_idx ON place_pool (site_id);

-- A person's place (or place in the queue) in a pool. The people on a session's roster are the
-- enrolments of its own pool, or of its activity's pool when session_id IS NULL.
CREATE TABLE enrolment (
    id                 bigserial   PRIMARY KEY,
    pool_id            bigint      NOT NULL REFERENCES place_pool (id) ON DELETE CASCADE,
    site_id            bigint      NOT NULL REFERENCES site (id),
    organisation_id    bigint      NOT NULL REFERENCES organisation (id),
    activity_id        bigint      NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    session_id         bigint      REFERENCES session (id) ON DELETE CASCADE,   -- NULL: the whole activity
    -- NULL once the person's account is deleted: the row then only counts, anonymously.
    account_id         bigint      REFERENCES account (id) ON DELETE SET NULL,
    status             text        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    -- who made it: the person, staff, a trusted person acting for them, the desk (assisted), a walk-in
    source             text        NOT NULL CHECK (source IN ('SELF', 'STAFF', 'DELEGATE', 'DESK', 'WALK_IN')),
    acted_by           bigint      REFERENCES account (id) ON DELETE SET NULL,
    answers            jsonb       NOT NULL DEFAULT '{}'::jsonb,   -- registration questions, by question key
    idempotency_key    text,
    manage_token_hash  text        UNIQUE,   -- SHA-256 of the secret in the "cancel my place" link
    created_at         timestamptz NOT NULL DEFAULT now(),
    confirmed_at       timestamptz,
    cancelled_at       timestamptz,
    cancelled_by       text        CHECK (cancelled_by IN ('PERSON', 'STAFF', 'SESSION_CANCELLED', 'RELEASED')),
    cancel_reason      text
);
-- A person holds at most one place (or queue position) per pool.
CREATE UNIQUE INDEX enrolment_one_per_person_idx ON enrolment (pool_id, account_id) WHERE status <> 'CANCELLED';
CREATE UNIQUE INDEX enrolment_idempotency_idx ON enrolment (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The waitlist in arrival order is (pool_id, id) among WAITLISTED rows.
CREATE INDEX enrolment_pool_status_idx ON enrolment (pool_id, status, id);
CREATE INDEX enrolment_account_idx ON enrolment (account_id);
CREATE INDEX enrolment_organisation_idx ON enrolment (organisation_id);
CREATE INDEX enrolment_site_idx ON enrolment (site_id);
CREATE INDEX enrolment_session_idx ON enrolment (session_id);
CREATE INDEX enrolment_activity_idx ON enrolment (activity_id);
