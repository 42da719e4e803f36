-- Extensions the catalogue search and the map rely on; all ship with PostgreSQL's contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets it be used in indexes and generated columns.
CREATE OR REPLACE FUNCTION lm_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Full-text document of a translatable text: each language with its own stemmer.
-- Ukrainian has no snowball stemmer in PostgreSQL; it is indexed with the simple config, unaccented.
CREATE OR REPLACE FUNCTION lm_text_vector(t jsonb, w "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT setweight(to_tsvector('english'::regconfig, coalesce(t ->> 'en', '')), w)
    || setweight(to_tsvector('lithuanian'::regconfig, coalesce(t ->> 'lt', '')), w)
    || setweight(to_tsvector('simple'::regconfig, lm_unaccent(coalesce(t ->> 'uk', '') || ' ' || coalesce(t ->> 'lt', '') || ' ' || coalesce(t ->> 'en', ''))), w)
$$;

-- A query against such a document: the user's words through all three configs, OR-ed.
CREATE OR REPLACE FUNCTION lm_text_query(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT websearch_to_tsquery('english'::regconfig, q)
    || websearch_to_tsquery('lithuanian'::regconfig, q)
    || websearch_to_tsquery('simple'::regconfig, lm_unaccent(q))
$$;
