-- The age below which a guardian consents for a learner, per site (GDPR art. 8 lets each country choose 13-16).
ALTER TABLE site ADD COLUMN digital_consent_age int NOT NULL DEFAULT 16
    CHECK (digital_consent_age BETWEEN 13 AND 18);
UPDATE site SET digital_consent_age = 14 WHERE slug IN ('lietuva', 'ukraina');

-- Learners: a phone number instead of (or as well as) an e-mail address, the languages they read in
-- order of preference, the year of birth, how they like to be told things, the site where the account
-- was made and, for an account made at a desk, which staff account made it.
ALTER TABLE account
    ADD COLUMN phone                text UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    ADD COLUMN year_of_birth        int CHECK (year_of_birth BETWEEN 1900 AND 2100),
    ADD COLUMN languages            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN notification_channel text NOT NULL DEFAULT 'EMAIL' CHECK (notification_channel IN ('EMAIL', 'SMS', 'NONE')),
    ADD COLUMN site_id              bigint REFERENCES site (id),
    ADD COLUMN created_by           bigint REFERENCES account (id) ON DELETE SET NULL,
    ADD COLUMN guardian_required    boolean NOT NULL DEFAULT false,
    ADD COLUMN claimed_at           timestamptz;
CREATE INDEX account_site_idx ON account (site_id);
CREATE INDEX account_created_by_idx ON account (created_by);
CREATE INDEX account_name_trgm_idx ON account USING gin (lm_unaccent(lower(display_name)) gin_trgm_ops);

-- A short code printed on a card with which a person made at a desk takes over their account.
-- Only a hash is kept; a code works once, until it expires, and a new code replaces the old ones.
CREATE TABLE claim_code (
    code_hash  text        PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id    bigint      NOT NULL REFERENCES site (id),
    issued_by  bigint      REFERENCES account (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX claim_code_account_idx ON claim_code (account_id);
CREATE INDEX claim_code_site_idx ON claim_code (site_id);

-- What a person agreed to, when and how; for a minor, which guardian agreed.
CREATE TABLE consent_record (
    id               bigserial PRIMARY KEY,
    account_id       bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id          bigint      NOT NULL REFERENCES site (id),
    purpose          text        NOT NULL,
    method           text        NOT NULL CHECK (method IN ('ONLINE', 'PAPER', 'SPOKEN_WITH_WITNESS')),
    witness_name     text,
    guardian_name    text,
    guardian_contact text,
    recorded_by      bigint      REFERENCES account (id) ON DELETE SET NULL,
    given_at         timestamptz NOT NULL,
    withdrawn_at     timestamptz,
    withdrawn_by     bigint      REFERENCES account (id) ON DELETE SET NULL,
    CHECK (method <> 'SPOKEN_WITH_WITNESS' OR witness_name IS NOT NULL)
);
CREATE INDEX consent_record_account_idx ON consent_record (account_id);
CREATE INDEX consent_record_site_idx ON consent_record (site_id);

-- A link sent to a guardian to consent for a minor; only its hash is kept.
CREATE TABLE guardian_request (
    token_hash     text        PRIMARY KEY,
    account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id        bigint      NOT NULL REFERENCES site (id),
    guardian_email text        NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX guardian_request_account_idx ON guardian_request (account_id);
CREATE INDEX guardian_request_site_idx ON guardian_request (site_id);

-- A learner lets a trusted person manage their bookings, until a date or until revoked.
CREATE TABLE delegation (
    id          bigserial PRIMARY KEY,
    person_id   bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    trusted_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES site (id),
    granted_at  timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    revoked_at  timestamptz,
    CHECK (person_id <> trusted_id),
    CHECK (valid_until > granted_at)
);
CREATE INDEX delegation_person_idx ON delegation (person_id);
CREATE INDEX delegation_trusted_idx ON delegation (trusted_id);
CREATE INDEX delegation_site_idx ON delegation (site_id);

-- Everything done on a person's behalf, and every grant and revocation.
CREATE TABLE delegation_log (
    id         bigserial PRIMARY KEY,
    person_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    actor_id   bigint      REFERENCES account (id) ON DELETE SET NULL,
    actor_name text        NOT NULL,
    site_id    bigint      NOT NULL REFERENCES site (id),
    action     text        NOT NULL,
    detail     text,
    at         timestamptz NOT NULL
);
CREATE INDEX delegation_log_person_idx ON delegation_log (person_id, at DESC);
CREATE INDEX delegation_log_site_idx ON delegation_log (site_id);
