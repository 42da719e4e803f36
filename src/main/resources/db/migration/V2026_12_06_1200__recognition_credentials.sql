-- Signing keys of each issuing organisation: Ed25519 for Data Integrity proofs, RSA or EC P-256 for VC-JWT.
-- Private keys are encrypted (AES-GCM) with the key from learningmap.badges.key-encryption-key.
-- A rotated key is retired, never deleted: its public half stays published so older credentials still verify.
create table recognition_issuer_keys (
    id              bigserial primary key,
    site_id         bigint      not null,
    organisation_id bigint      not null,
    kind            text        not null check (kind in ('ED25519', 'RSA', 'EC_P256')),
    key_id          text        not null,
    public_key      bytea       not null,
    private_key     bytea       not null,
    created_at      timestamptz not null,
    retired_at      timestamptz,
    unique (organisation_id, kind, key_id)
);
create index recognition_issuer_keys_site on recognition_issuer_keys (site_id);
create index recognition_issuer_keys_organisation on recognition_issuer_keys (organisation_id);
create unique index recognition_issuer_keys_one_active on recognition_issuer_keys (organisation_id, kind) where retired_at is null;

-- Each award's signed Open Badges 3.0 credential (Data Integrity JSON and VC-JWT), made on first request.
create table recognition_credentials (
    award_id        bigint      primary key,
    public_id       uuid        not null unique,
    site_id         bigint      not null,
    organisation_id bigint      not null,
    signed_json     text        not null,
    jwt             text        not null,
    signed_at       timestamptz not null
);
create index recognition_credentials_site on recognition_credentials (site_id);
create index recognition_credentials_organisation on recognition_credentials (organisation_id);
