-- The audit log of staff actions (OWASP ASVS 7.1/7.2): one row per state-changing request on the staff,
-- coordinator, admin and API doors, and per sign-in, sign-out and password reset. Rows are only ever added;
-- the one change allowed is blanking the actor's e-mail and address when their account is deleted.
-- Rows older than learningmap.audit.retention are deleted by a scheduled job.
CREATE TABLE audit_entry (
    id               bigserial PRIMARY KEY,
    at               timestamptz NOT NULL,
    event            text        NOT NULL,
    site_id          bigint,
    actor_account_id bigint,
    actor_email      text,
    role             text        NOT NULL,
    channel          text        NOT NULL,
    method           text        NOT NULL,
    route            text        NOT NULL,
    path_variables   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status           integer     NOT NULL,
    refused          boolean     NOT NULL,
    organisation_id  bigint,
    client_ip        text,
    request_id       text        NOT NULL
);

CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_site_at ON audit_entry (site_id, at DESC, id DESC);
CREATE INDEX audit_entry_organisation_at ON audit_entry (organisation_id, at DESC, id DESC) WHERE organisation_id IS NOT NULL;
CREATE INDEX audit_entry_actor_at ON audit_entry (actor_account_id, at DESC) WHERE actor_account_id IS NOT NULL;

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF NEW.actor_email IS NULL AND NEW.client_ip IS NULL
       AND (to_jsonb(NEW) - 'actor_email' - 'client_ip') = (to_jsonb(OLD) - 'actor_email' - 'client_ip') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
