-- The methods library: guides, lesson plans, video lectures, hackathon kits and guidelines, as files or links.
-- File contents live in the file store; the database keeps their key, type, size and checksum.

CREATE TABLE library_item (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    kind             text        NOT NULL CHECK (kind IN ('GUIDE', 'LESSON_PLAN', 'VIDEO_LECTURE', 'HACKATHON_KIT', 'MIGRANT_GUIDELINES')),
    title            text        NOT NULL,
    description      text        NOT NULL DEFAULT '',
    language         text        NOT NULL,
    topics           text[]      NOT NULL DEFAULT '{}',
    audiences        text[]      NOT NULL DEFAULT '{}',
    link_url         text,
    link_opens       bigint      NOT NULL DEFAULT 0,
    created_by       bigint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX library_item_site ON library_item (site_id, updated_at DESC);
CREATE INDEX library_item_organisation ON library_item (organisation_id);

CREATE TABLE library_version (
    id               bigserial PRIMARY KEY,
    item_id          bigint      NOT NULL REFERENCES library_item (id) ON DELETE CASCADE,
    organisation_id  bigint      NOT NULL,
    number           int         NOT NULL,
    file_key         text        NOT NULL,
    file_name        text        NOT NULL,
    file_type        text        NOT NULL,
    content_type     text        NOT NULL,
    size_bytes       bigint      NOT NULL,
    sha256           text        NOT NULL,
    note             text        NOT NULL DEFAULT '',
    downloads        bigint      NOT NULL DEFAULT 0,
    uploaded_by      bigint,
    uploaded_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (item_id, number)
);
CREATE INDEX library_version_organisation ON library_version (organisation_id);
