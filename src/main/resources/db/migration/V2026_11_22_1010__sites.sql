CREATE TABLE site (
    id                  bigserial PRIMARY KEY,
    slug                text        NOT NULL UNIQUE,
    host                text        UNIQUE,
    name                jsonb       NOT NULL,
    country             char(2)     NOT NULL,
    languages           text[]      NOT NULL,
    default_language    text        NOT NULL,
    time_zone           text        NOT NULL,
    logo_url            text,
    primary_colour      text        NOT NULL DEFAULT '#1d4ed8',
    accent_colour       text        NOT NULL DEFAULT '#b45309',
    requires_moderation boolean     NOT NULL DEFAULT false,
    centre_lat          double precision NOT NULL,
    centre_lon          double precision NOT NULL,
    default_zoom        int         NOT NULL DEFAULT 7,
    created_at          timestamptz NOT NULL DEFAULT now()
);

-- A municipality, county or oblast of a site, with its population for reach reports.
CREATE TABLE area (
    id          bigserial PRIMARY KEY,
    site_id     bigint  NOT NULL REFERENCES site (id),
    code        text    NOT NULL,
    name        jsonb   NOT NULL,
    population  int     NOT NULL CHECK (population >= 0),
    centre_lat  double precision,
    centre_lon  double precision,
    UNIQUE (site_id, code)
);
CREATE INDEX area_site_idx ON area (site_id);

-- The site's gazetteer: towns people type into "near a town" (GeoNames, CC BY 4.0).
CREATE TABLE place_name (
    id          bigserial PRIMARY KEY,
    site_id     bigint  NOT NULL REFERENCES site (id),
    area_id     bigint  REFERENCES area (id),
    name        text    NOT NULL,
    population  int     NOT NULL DEFAULT 0,
    lat         double precision NOT NULL,
    lon         double precision NOT NULL,
    geonames_id bigint
);
CREATE INDEX place_name_site_idx ON place_name (site_id);
CREATE INDEX place_name_trgm_idx ON place_name USING gin (lm_unaccent(lower(name)) gin_trgm_ops);
