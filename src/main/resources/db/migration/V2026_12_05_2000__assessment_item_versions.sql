-- The item bank of the skills check as data that coordinators edit. Every edit adds a version; a
-- version is never changed, so a result keeps showing each question as it was asked. A retired item
-- is no longer asked in new checks. The bank is shared by every site (the check is the same
-- everywhere); the first start fills these tables from assessment/items.json, once per item.

CREATE TABLE assessment_item (
    id              text        PRIMARY KEY,
    competence      text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('SELF', 'CHOICE', 'TRUE_FALSE', 'ORDER', 'SAFE_SCREEN')),
    position        int         NOT NULL,
    current_version int         NOT NULL,
    retired_at      timestamptz,
    retired_by      bigint      REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX assessment_item_competence_idx ON assessment_item (competence, position);

CREATE TABLE assessment_item_version (
    item_id         text        NOT NULL REFERENCES assessment_item (id),
    version         int         NOT NULL CHECK (version >= 1),
    band            text        NOT NULL CHECK (band IN ('FOUNDATION', 'INTERMEDIATE', 'ADVANCED')),
    difficulty      int         NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    text            jsonb       NOT NULL,
    options         jsonb       NOT NULL,
    answer          jsonb       NOT NULL,
    bank_version    text        NOT NULL,
    created_by      bigint      REFERENCES account (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (item_id, version)
);

-- Which version of each item a person answered, by item id; an attempt begun before versions were
-- kept answered version 1 (the items as first loaded).
ALTER TABLE assessment_attempt ADD COLUMN item_versions jsonb NOT NULL DEFAULT '{}'::jsonb;
