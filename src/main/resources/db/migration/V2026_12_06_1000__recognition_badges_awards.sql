-- Badges: what an organisation recognises. A badge comes from an activity, a playlist, a skills-check
-- band, a volunteer milestone, or is made by hand. Texts are jsonb objects of language tag to text.
CREATE TABLE badge (
    id                  bigserial   PRIMARY KEY,
    site_id             bigint      NOT NULL REFERENCES site (id),
    organisation_id     bigint      NOT NULL REFERENCES organisation (id),
    source              text        NOT NULL CHECK (source IN ('ACTIVITY', 'PLAYLIST', 'SKILLS_BAND', 'VOLUNTEER_HOURS', 'CUSTOM')),
    source_id           bigint,
    -- what the badge stands for when one number is not enough ("digcomp-2.2:1:FOUNDATION" for a band)
    source_key          text,
    name                jsonb       NOT NULL,
    description         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    criteria            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    tags                text[]      NOT NULL DEFAULT '{}',
    -- [{"framework": "digcomp-2.2", "code": "1.1", "name": "...", "url": "..."}]
    alignments          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    validity_days       int         CHECK (validity_days IS NULL OR validity_days > 0),
    attendance_percent  int         CHECK (attendance_percent IS NULL OR attendance_percent BETWEEN 1 AND 100),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX badge_site_idx ON badge (site_id);
CREATE INDEX badge_organisation_idx ON badge (organisation_id);
-- One badge per activity or playlist, and one per site for each band or milestone.
CREATE UNIQUE INDEX badge_source_idx ON badge (source, source_id) WHERE source IN ('ACTIVITY', 'PLAYLIST') AND source_id IS NOT NULL;
CREATE UNIQUE INDEX badge_source_key_idx ON badge (site_id, source, source_key) WHERE source_key IS NOT NULL;

-- The badge's picture: an upload (uploaded = true) or the generated default, kept until the badge changes.
CREATE TABLE badge_image (
    badge_id         bigint      PRIMARY KEY REFERENCES badge (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    organisation_id  bigint      NOT NULL REFERENCES organisation (id),
    content_type     text        NOT NULL,
    bytes            bytea       NOT NULL,
    uploaded         boolean     NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX badge_image_site_idx ON badge_image (site_id);
CREATE INDEX badge_image_organisation_idx ON badge_image (organisation_id);

-- The next free position in each site's revocation status list. Taking one locks the site's row,
-- so two awards never get the same position.
CREATE TABLE award_status_allocation (
    site_id     bigint PRIMARY KEY REFERENCES site (id),
    next_index  int    NOT NULL DEFAULT 0 CHECK (next_index >= 0)
);

-- An award of a badge to a person (an account, or an e-mail address until that person has one).
CREATE TABLE award (
    id                 bigserial   PRIMARY KEY,
    public_id          uuid        NOT NULL UNIQUE,
    badge_id           bigint      NOT NULL REFERENCES badge (id),
    site_id            bigint      NOT NULL REFERENCES site (id),
    organisation_id    bigint      NOT NULL REFERENCES organisation (id),
    account_id         bigint      REFERENCES account (id) ON DELETE SET NULL,
    recipient_email    text,
    recipient_name     text,
    path               text        NOT NULL CHECK (path IN ('ATTENDANCE', 'EDUCATOR', 'BULK', 'CLAIM', 'EVIDENCE', 'SKILLS_CHECK',
                                                            'VOLUNTEER_HOURS', 'PLAYLIST')),
    narrative          text,
    evidence_url       text,
    language           text        NOT NULL DEFAULT 'en',
    awarded_by         bigint      REFERENCES account (id) ON DELETE SET NULL,
    idempotency_key    text,
    issued_at          timestamptz NOT NULL,
    expires_at         timestamptz,
    revoked_at         timestamptz,
    revocation_reason  text,
    revoked_by         bigint      REFERENCES account (id) ON DELETE SET NULL,
    status_index       int         NOT NULL CHECK (status_index >= 0),
    forgotten          boolean     NOT NULL DEFAULT false,   -- the holder deleted their account: nothing names them
    -- someone to go to, unless the holder was forgotten (the award then stays, revoked, for its status list)
    CHECK (account_id IS NOT NULL OR recipient_email IS NOT NULL OR (forgotten AND revoked_at IS NOT NULL))
);
CREATE UNIQUE INDEX award_idempotency_idx ON award (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX award_status_index_idx ON award (site_id, status_index);
-- A person holds a badge at most once at a time (until it is revoked).
CREATE UNIQUE INDEX award_one_per_account_idx ON award (badge_id, account_id) WHERE revoked_at IS NULL AND account_id IS NOT NULL;
CREATE UNIQUE INDEX award_one_per_email_idx ON award (badge_id, lower(recipient_email))
    WHERE revoked_at IS NULL AND account_id IS NULL AND recipient_email IS NOT NULL;
CREATE INDEX award_badge_idx ON award (badge_id, issued_at);
CREATE INDEX award_account_idx ON award (account_id);
CREATE INDEX award_email_idx ON award (lower(recipient_email)) WHERE account_id IS NULL;
CREATE INDEX award_site_idx ON award (site_id);
CREATE INDEX award_organisation_idx ON award (organisation_id);
