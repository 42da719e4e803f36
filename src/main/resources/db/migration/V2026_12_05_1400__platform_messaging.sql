-- Files sent with an e-mail of the outbox (an invitation as .ics, for example), kept with the message
-- so a retry sends exactly the same thing.
CREATE TABLE outbox_email_attachment (
    id           bigserial PRIMARY KEY,
    email_id     bigint NOT NULL REFERENCES outbox_email (id) ON DELETE CASCADE,
    position     int    NOT NULL,
    filename     text   NOT NULL,
    content_type text   NOT NULL,
    content      bytea  NOT NULL
);
CREATE INDEX outbox_email_attachment_email_idx ON outbox_email_attachment (email_id, position);

-- Short text messages (SMS or a messaging gateway), written in the caller's transaction and sent by
-- any node: rows are claimed with FOR UPDATE SKIP LOCKED, failures retried with growing waits.
CREATE TABLE outbox_sms (
    id          bigserial PRIMARY KEY,
    recipient   text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text,
    next_try_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_sms_pending_idx ON outbox_sms (next_try_at) WHERE sent_at IS NULL;
