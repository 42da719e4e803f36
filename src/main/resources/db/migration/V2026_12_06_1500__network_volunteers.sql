-- Volunteers of an organisation on a site, their shifts, hours and 1:1 help slots.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Per-site rules of the volunteer programme (a site without a row keeps the defaults).
CREATE TABLE network_site_setting (
    site_id             bigint PRIMARY KEY REFERENCES site (id) ON DELETE CASCADE,
    -- a volunteer under 18 never runs a 1:1 session without an adult present
    minors_never_alone  boolean NOT NULL DEFAULT true
);

-- A person's offer to volunteer for one organisation: roles, languages, topics (slugs of the site's
-- vocabulary), home branches (venue ids) and weekly availability (DAY-PART codes such as MON-MORNING).
CREATE TABLE volunteer (
    id              bigserial PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES site (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    account_id      bigint REFERENCES account (id) ON DELETE CASCADE,
    display_name    text NOT NULL,
    roles           text[] NOT NULL,
    languages       text[] NOT NULL DEFAULT '{}',
    topics          text[] NOT NULL DEFAULT '{}',
    venue_ids       bigint[] NOT NULL DEFAULT '{}',
    availability    text[] NOT NULL DEFAULT '{}',
    minor           boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    decided_by      bigint,
    UNIQUE (organisation_id, account_id)
);
CREATE INDEX volunteer_site_idx ON volunteer (site_id);
CREATE INDEX volunteer_account_idx ON volunteer (account_id);

-- A shift at a branch: assigned by staff, or published open for volunteers to take (up to capacity).
CREATE TABLE volunteer_shift (
    id              bigserial PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES site (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    venue_id        bigint NOT NULL REFERENCES venue (id),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    capacity        int NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    open            boolean NOT NULL DEFAULT true,
    note            text NOT NULL DEFAULT '',
    created_by      bigint,
    cancelled_at    timestamptz,
    CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '16 hours')
);
CREATE INDEX volunteer_shift_site_idx ON volunteer_shift (site_id);
CREATE INDEX volunteer_shift_organisation_idx ON volunteer_shift (organisation_id, starts_at);

-- Who works a shift. One person is never on two overlapping shifts (the database says no).
CREATE TABLE volunteer_shift_signup (
    id              bigserial PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES site (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    shift_id        bigint NOT NULL REFERENCES volunteer_shift (id),
    volunteer_id    bigint NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    account_id      bigint NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED', 'NO_SHOW')),
    assigned_by     bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT volunteer_shift_no_overlap EXCLUDE USING gist
        (account_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'ACTIVE')
);
CREATE INDEX volunteer_shift_signup_site_idx ON volunteer_shift_signup (site_id);
CREATE INDEX volunteer_shift_signup_organisation_idx ON volunteer_shift_signup (organisation_id);
CREATE INDEX volunteer_shift_signup_shift_idx ON volunteer_shift_signup (shift_id);

-- A volunteer helping at a session of the organisation.
CREATE TABLE volunteer_session_helper (
    id              bigserial PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES site (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    session_id      bigint NOT NULL,
    volunteer_id    bigint NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    account_id      bigint NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    assigned_by     bigint,
    UNIQUE (session_id, account_id)
);
CREATE INDEX volunteer_session_helper_site_idx ON volunteer_session_helper (site_id);
CREATE INDEX volunteer_session_helper_organisation_idx ON volunteer_session_helper (organisation_id);

-- Volunteer time. Automatic entries (a session held, a shift done) exist once per source; entries
-- typed by the volunteer wait for staff approval. Only APPROVED entries count.
CREATE TABLE volunteer_hours (
    id              bigserial PRIMARY KEY,
    site_id         bigint NOT NULL REFERENCES site (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    volunteer_id    bigint REFERENCES volunteer (id) ON DELETE SET NULL,
    account_id      bigint,
    source          text NOT NULL CHECK (source IN ('SESSION', 'SHIFT', 'MANUAL')),
    source_ref      bigint,
    minutes         int NOT NULL CHECK (minutes BETWEEN 1 AND 960),
    worked_on       date NOT NULL,
    note            text NOT NULL DEFAULT '',
    status          text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    decided_by      bigint
);
CREATE UNIQUE INDEX volunteer_hours_once_per_source ON volunteer_hours (source, source_ref) WHERE source <> 'MANUAL';
CREATE INDEX volunteer_hours_site_idx ON volunteer_hours (site_id, account_id);
CREATE INDEX volunteer_hours_organisation_idx ON volunteer_hours (organisation_id, status);

-- Milestones reached, so each is announced once.
CREATE TABLE volunteer_milestone (
    site_id     bigint NOT NULL REFERENCES site (id),
    account_id  bigint NOT NULL,
    hours       int NOT NULL,
    reached_at  timestamptz NOT NULL,
    PRIMARY KEY (site_id, account_id, hours)
);

-- A 30-minute 1:1 help slot a volunteer offers at a branch. A volunteer's slots never overlap.
CREATE TABLE help_slot (
    id                    bigserial PRIMARY KEY,
    site_id               bigint NOT NULL REFERENCES site (id),
    organisation_id       bigint NOT NULL REFERENCES organisation (id),
    venue_id              bigint NOT NULL REFERENCES venue (id),
    volunteer_id          bigint NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    volunteer_account_id  bigint NOT NULL,
    present_account_id    bigint,
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    languages             text[] NOT NULL,
    topics                text[] NOT NULL,
    status                text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CANCELLED')),
    created_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT help_slot_no_overlap EXCLUDE USING gist
        (volunteer_account_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'OPEN')
);
CREATE INDEX help_slot_site_idx ON help_slot (site_id, starts_at);
CREATE INDEX help_slot_organisation_idx ON help_slot (organisation_id);

-- A person booked into a slot: an account, or a visitor known by name and phone. A slot has one
-- booking; neither the volunteer nor the person is booked twice at overlapping times.
CREATE TABLE help_booking (
    id                    bigserial PRIMARY KEY,
    site_id               bigint NOT NULL REFERENCES site (id),
    organisation_id       bigint NOT NULL REFERENCES organisation (id),
    slot_id               bigint NOT NULL REFERENCES help_slot (id) ON DELETE CASCADE,
    venue_id              bigint NOT NULL,
    volunteer_account_id  bigint NOT NULL,
    person_account_id     bigint,
    visitor_name          text,
    visitor_phone         text,
    person_key            text NOT NULL,
    topic                 text NOT NULL,
    language              text NOT NULL,
    starts_at             timestamptz NOT NULL,
    ends_at               timestamptz NOT NULL,
    status                text NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CANCELLED', 'HELD', 'NO_SHOW')),
    booked_by             bigint,
    reminded_at           timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (person_account_id IS NOT NULL OR (visitor_name IS NOT NULL AND visitor_phone IS NOT NULL)),
    CONSTRAINT help_booking_volunteer_free EXCLUDE USING gist
        (volunteer_account_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'CANCELLED'),
    CONSTRAINT help_booking_person_free EXCLUDE USING gist
        (person_key WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE UNIQUE INDEX help_booking_one_per_slot ON help_booking (slot_id) WHERE status <> 'CANCELLED';
CREATE INDEX help_booking_site_idx ON help_booking (site_id);
CREATE INDEX help_booking_organisation_idx ON help_booking (organisation_id, starts_at);
CREATE INDEX help_booking_person_idx ON help_booking (person_account_id);
CREATE INDEX help_booking_reminder_idx ON help_booking (starts_at) WHERE status = 'BOOKED' AND reminded_at IS NULL;
