-- Playlists: activities put together by an organisation or a site's coordinators, with a badge for
-- completing them. Texts are jsonb objects of language tag to text.
CREATE TABLE playlist (
    id               bigserial   PRIMARY KEY,
    site_id          bigint      NOT NULL REFERENCES site (id),
    -- the issuer of the playlist's badge
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    name             jsonb       NOT NULL,
    description      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- items must be done one after the other
    ordered          boolean     NOT NULL DEFAULT false,
    -- how many items complete the playlist; NULL: all of them
    required_count   int         CHECK (required_count IS NULL OR required_count > 0),
    status           text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    badge_id         bigint,
    created_by       bigint      REFERENCES account (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    published_at     timestamptz
);
CREATE INDEX playlist_site_idx ON playlist (site_id, status);
CREATE INDEX playlist_organisation_idx ON playlist (organisation_id);

CREATE TABLE playlist_item (
    playlist_id           bigint NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    site_id               bigint NOT NULL REFERENCES site (id),
    organisation_id       bigint NOT NULL REFERENCES organisation (id),
    activity_id           bigint NOT NULL,
    position              int    NOT NULL,
    -- this item counts only when that activity of the same playlist was done before it
    requires_activity_id  bigint,
    PRIMARY KEY (playlist_id, activity_id),
    CHECK (requires_activity_id IS NULL OR requires_activity_id <> activity_id)
);
CREATE INDEX playlist_item_activity_idx ON playlist_item (activity_id);
CREATE INDEX playlist_item_site_idx ON playlist_item (site_id);
CREATE INDEX playlist_item_organisation_idx ON playlist_item (organisation_id);

-- Activities a person has done, as playlists count them: attended, or its badge held.
CREATE TABLE playlist_activity_done (
    account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    activity_id    bigint      NOT NULL,
    site_id        bigint      NOT NULL REFERENCES site (id),
    how            text        NOT NULL CHECK (how IN ('ATTENDED', 'BADGE')),
    first_done_at  timestamptz NOT NULL,
    last_done_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, activity_id)
);
CREATE INDEX playlist_activity_done_site_idx ON playlist_activity_done (site_id);

-- A learner's own list of activities: private, without a badge.
CREATE TABLE personal_playlist (
    id          bigserial   PRIMARY KEY,
    site_id     bigint      NOT NULL REFERENCES site (id),
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_playlist_account_idx ON personal_playlist (account_id);
CREATE INDEX personal_playlist_site_idx ON personal_playlist (site_id);

CREATE TABLE personal_playlist_item (
    personal_playlist_id  bigint      NOT NULL REFERENCES personal_playlist (id) ON DELETE CASCADE,
    site_id               bigint      NOT NULL REFERENCES site (id),
    activity_id           bigint      NOT NULL,
    added_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (personal_playlist_id, activity_id)
);
CREATE INDEX personal_playlist_item_site_idx ON personal_playlist_item (site_id);
