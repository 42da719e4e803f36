CREATE TABLE account (
    id                 bigserial PRIMARY KEY,
    email              text        UNIQUE,
    password_hash      text,
    display_name       text        NOT NULL,
    preferred_language text        NOT NULL DEFAULT 'en',
    platform_admin     boolean     NOT NULL DEFAULT false,
    enabled            boolean     NOT NULL DEFAULT true,
    failed_sign_ins    int         NOT NULL DEFAULT 0,
    locked_until       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_lower_idx ON account (lower(email));

-- A coordinator of a site.
CREATE TABLE site_role (
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id    bigint NOT NULL REFERENCES site (id),
    role       text   NOT NULL CHECK (role IN ('COORDINATOR')),
    PRIMARY KEY (account_id, site_id, role)
);
CREATE INDEX site_role_site_idx ON site_role (site_id);

CREATE TABLE password_reset (
    token_hash  text        PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id);

-- Personal API tokens for staff write access; only a hash is kept.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
