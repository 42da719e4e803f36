-- How long a site keeps personal data, set by its coordinator. NULL: keep (where the site's law allows).
CREATE TABLE retention_rule (
    site_id           bigint      PRIMARY KEY REFERENCES site (id),
    inactive_months   int         CHECK (inactive_months IS NULL OR inactive_months BETWEEN 6 AND 120),
    unclaimed_months  int         CHECK (unclaimed_months IS NULL OR unclaimed_months BETWEEN 1 AND 120),
    answers_months    int         NOT NULL CHECK (answers_months BETWEEN 1 AND 60),
    evidence_months   int         CHECK (evidence_months IS NULL OR evidence_months BETWEEN 1 AND 120),
    updated_by        bigint      REFERENCES account (id) ON DELETE SET NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- When the person last signed in, and when they were told their unused account will be deleted.
ALTER TABLE account
    ADD COLUMN last_signed_in_at  timestamptz,
    ADD COLUMN retention_warned_at timestamptz;
