CREATE TABLE organisation (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    slug             text        NOT NULL,
    kind             text        NOT NULL,
    name             jsonb       NOT NULL,
    description      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    email            text,
    phone            text,
    website          text,
    colour           text        NOT NULL DEFAULT '#1d4ed8',
    verified         boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    decision_reason  text,
    decided_at       timestamptz,
    decided_by       bigint      REFERENCES account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (site_id, slug)
);
CREATE INDEX organisation_site_status_idx ON organisation (site_id, status);

-- Staff of an organisation: OWNER manages staff, EDITOR publishes, EDUCATOR runs sessions.
CREATE TABLE membership (
    account_id      bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    role            text   NOT NULL CHECK (role IN ('OWNER', 'EDITOR', 'EDUCATOR')),
    PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);

CREATE TABLE venue (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    area_id          bigint      REFERENCES area (id),
    kind             text        NOT NULL,
    name             jsonb       NOT NULL,
    address          text        NOT NULL,
    town             text        NOT NULL,
    lat              double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon              double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    opening_hours    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    accessibility    text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venue_site_idx ON venue (site_id);
CREATE INDEX venue_organisation_idx ON venue (organisation_id);
CREATE INDEX venue_area_idx ON venue (area_id);
CREATE INDEX venue_point_idx ON venue USING gist (point(lon, lat));
