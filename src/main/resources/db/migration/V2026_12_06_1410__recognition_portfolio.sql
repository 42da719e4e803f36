-- The learner's portfolio: which awards are public, named collections, evidence added after an
-- award, badges earned elsewhere, and the public page's handle (off until the learner turns it on).
CREATE TABLE portfolio (
    account_id  bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES site (id),
    handle      text        CHECK (handle IS NULL OR handle ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
    public      boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX portfolio_handle_idx ON portfolio (handle) WHERE handle IS NOT NULL;
CREATE INDEX portfolio_site_idx ON portfolio (site_id);

-- An award shown on the public page; an award without a row here is private.
CREATE TABLE portfolio_award (
    award_id    bigint      PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES site (id),
    public      boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portfolio_award_account_idx ON portfolio_award (account_id);
CREATE INDEX portfolio_award_site_idx ON portfolio_award (site_id);

CREATE TABLE portfolio_collection (
    id          bigserial   PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES site (id),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portfolio_collection_account_idx ON portfolio_collection (account_id);
CREATE INDEX portfolio_collection_site_idx ON portfolio_collection (site_id);

-- An award (award_id) or an imported badge (imported_id) in a collection.
CREATE TABLE portfolio_collection_item (
    collection_id  bigint NOT NULL REFERENCES portfolio_collection (id) ON DELETE CASCADE,
    site_id        bigint NOT NULL REFERENCES site (id),
    award_id       bigint,
    imported_id    bigint,
    CHECK ((award_id IS NULL) <> (imported_id IS NULL))
);
CREATE UNIQUE INDEX portfolio_collection_award_idx ON portfolio_collection_item (collection_id, award_id) WHERE award_id IS NOT NULL;
CREATE UNIQUE INDEX portfolio_collection_imported_idx ON portfolio_collection_item (collection_id, imported_id) WHERE imported_id IS NOT NULL;
CREATE INDEX portfolio_collection_item_site_idx ON portfolio_collection_item (site_id);

-- What the learner added to an award afterwards: a text, a link, or both.
CREATE TABLE portfolio_evidence (
    id          bigserial   PRIMARY KEY,
    award_id    bigint      NOT NULL,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id     bigint      NOT NULL REFERENCES site (id),
    text        text,
    url         text,
    added_at    timestamptz NOT NULL,
    CHECK (text IS NOT NULL OR url IS NOT NULL)
);
CREATE INDEX portfolio_evidence_award_idx ON portfolio_evidence (award_id);
CREATE INDEX portfolio_evidence_account_idx ON portfolio_evidence (account_id);
CREATE INDEX portfolio_evidence_site_idx ON portfolio_evidence (site_id);

-- A badge earned elsewhere, uploaded by the learner and kept with the verifier's verdict.
CREATE TABLE portfolio_import (
    id            bigserial   PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    site_id       bigint      NOT NULL REFERENCES site (id),
    name          text        NOT NULL,
    issuer_name   text,
    issued_at     timestamptz,
    expires_at    timestamptz,
    verdict       text        NOT NULL,
    reasons       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    file_name     text,
    content_type  text        NOT NULL,
    bytes         bytea       NOT NULL,
    public        boolean     NOT NULL DEFAULT false,
    imported_at   timestamptz NOT NULL
);
CREATE INDEX portfolio_import_account_idx ON portfolio_import (account_id);
CREATE INDEX portfolio_import_site_idx ON portfolio_import (site_id);
