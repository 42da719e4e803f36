-- Outgoing e-mail, written in the same transaction as the change that causes it and sent by one node.
CREATE TABLE outbox_email (
    id          bigserial PRIMARY KEY,
    recipient   text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text,
    next_try_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_email_pending_idx ON outbox_email (next_try_at) WHERE sent_at IS NULL;
