-- A site's logo as uploaded by the platform administrator: checked, shrunk and stripped of metadata,
-- kept in the database so every node serves the same picture. site.logo_url stays as a fallback.
CREATE TABLE site_logo (
    site_id      bigint      PRIMARY KEY REFERENCES site (id),
    content_type text        NOT NULL,
    width        int         NOT NULL,
    height       int         NOT NULL,
    bytes        bytea       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
