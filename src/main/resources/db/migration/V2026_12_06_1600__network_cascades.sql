-- Train-the-trainer cascades: cohorts, who trained them and who took part.

-- A person in a cascade: an account, or a name typed by staff (matched by its normalised form within the site).
CREATE TABLE cascade_person (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES site (id),
    account_id  bigint      REFERENCES account (id) ON DELETE SET NULL,
    name        text        NOT NULL,
    name_key    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cascade_person_site ON cascade_person (site_id);
CREATE UNIQUE INDEX cascade_person_account ON cascade_person (site_id, account_id) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX cascade_person_name ON cascade_person (site_id, name_key) WHERE account_id IS NULL;

CREATE TABLE cascade_cohort (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    name             text        NOT NULL,
    level            text        NOT NULL CHECK (level IN ('TRAINER', 'HUB_COORDINATOR', 'EDUCATOR', 'CITIZEN')),
    topic            text,
    starts_on        date        NOT NULL,
    ends_on          date        NOT NULL,
    citizens_reached int         NOT NULL DEFAULT 0 CHECK (citizens_reached >= 0),
    created_by       bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX cascade_cohort_site ON cascade_cohort (site_id);
CREATE INDEX cascade_cohort_organisation ON cascade_cohort (organisation_id);

CREATE TABLE cascade_trainer (
    cohort_id  bigint NOT NULL REFERENCES cascade_cohort (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES cascade_person (id),
    site_id    bigint NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX cascade_trainer_person ON cascade_trainer (person_id);
CREATE INDEX cascade_trainer_site ON cascade_trainer (site_id);

CREATE TABLE cascade_participant (
    cohort_id  bigint NOT NULL REFERENCES cascade_cohort (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES cascade_person (id),
    site_id    bigint NOT NULL,
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX cascade_participant_person ON cascade_participant (person_id);
CREATE INDEX cascade_participant_site ON cascade_participant (site_id);
