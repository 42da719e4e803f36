-- The site's vocabulary of topics.
CREATE TABLE topic (
    id        bigserial PRIMARY KEY,
    site_id   bigint NOT NULL REFERENCES site (id),
    slug      text   NOT NULL,
    name      jsonb  NOT NULL,
    position  int    NOT NULL DEFAULT 0,
    UNIQUE (site_id, slug)
);

CREATE TABLE activity (
    id                bigserial PRIMARY KEY,
    site_id           bigint      NOT NULL REFERENCES site (id),
    organisation_id   bigint      NOT NULL REFERENCES organisation (id),
    kind              text        NOT NULL CHECK (kind IN ('CLASS', 'COURSE', 'EVENT', 'CLUB', 'CAMP', 'VOLUNTEERING', 'ONLINE_COURSE')),
    status            text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'CANCELLED', 'ARCHIVED')),
    title             jsonb       NOT NULL,
    summary           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    description       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    easy_read         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    audiences         text[]      NOT NULL DEFAULT '{}',
    min_age           int         CHECK (min_age BETWEEN 0 AND 120),
    max_age           int         CHECK (max_age BETWEEN 0 AND 120),
    languages         text[]      NOT NULL DEFAULT '{}',
    digcomp           text[]      NOT NULL DEFAULT '{}',
    price_cents       int         NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    currency          char(3)     NOT NULL DEFAULT 'EUR',
    voucher_eligible  boolean     NOT NULL DEFAULT false,
    online_url        text,
    duration_minutes  int         CHECK (duration_minutes > 0),
    level             text,
    image_id          bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    search_document   tsvector GENERATED ALWAYS AS (
        lm_text_vector(title, 'A') || lm_text_vector(summary, 'B') || lm_text_vector(description, 'C')) STORED,
    search_text       text GENERATED ALWAYS AS (
        lm_unaccent(lower(coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'lt', '') || ' ' || coalesce(title ->> 'uk', '')))) STORED,
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX activity_site_status_idx ON activity (site_id, status);
CREATE INDEX activity_organisation_idx ON activity (organisation_id);
CREATE INDEX activity_search_idx ON activity USING gin (search_document);
CREATE INDEX activity_search_trgm_idx ON activity USING gin (search_text gin_trgm_ops);
CREATE INDEX activity_audiences_idx ON activity USING gin (audiences);
CREATE INDEX activity_languages_idx ON activity USING gin (languages);

CREATE TABLE activity_topic (
    activity_id bigint NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    topic_id    bigint NOT NULL REFERENCES topic (id),
    PRIMARY KEY (activity_id, topic_id)
);
CREATE INDEX activity_topic_topic_idx ON activity_topic (topic_id);

CREATE TABLE activity_image (
    id              bigserial PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    content_type    text        NOT NULL,
    width           int         NOT NULL,
    height          int         NOT NULL,
    bytes           bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_image_organisation_idx ON activity_image (organisation_id);

-- A taught occurrence of an activity. Cancelled sessions stay, shown as cancelled.
CREATE TABLE session (
    id               bigserial PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    activity_id      bigint      NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    venue_id         bigint      REFERENCES venue (id),
    online_url       text,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    capacity         int         CHECK (capacity > 0),
    status           text        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    series_rule      text,
    CHECK (ends_at > starts_at)
);
CREATE INDEX session_activity_idx ON session (activity_id, starts_at);
CREATE INDEX session_venue_idx ON session (venue_id, starts_at);
CREATE INDEX session_site_start_idx ON session (site_id, starts_at);
CREATE INDEX session_organisation_idx ON session (organisation_id);

CREATE TABLE saved_search (
    id          bigserial PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES site (id),
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    query       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_search_account_idx ON saved_search (account_id);
