-- A person's private calendar feed: the link holds a secret of which only the SHA-256 is kept.
-- One link per account; making a new one replaces the row, so the old link stops working.
CREATE TABLE personal_calendar_feed (
    account_id  bigint      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_read_at timestamptz
);
