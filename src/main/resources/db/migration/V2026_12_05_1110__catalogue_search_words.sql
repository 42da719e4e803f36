-- Typo tolerance through a dictionary. Each site keeps the words of its activities' titles
-- (lower case, without diacritics, every language); a query word that is not one of them is
-- corrected to the most similar one (pg_trgm, a few thousand words), and the corrected words are
-- then looked up in the titles through the full-text index, like the words themselves are looked
-- up in the whole text. Comparing the query with every matching title by trigram similarity,
-- as before, cost hundreds of milliseconds for common words at 100,000 activities.

CREATE TABLE search_word (
    site_id bigint NOT NULL REFERENCES site (id),
    word    text   NOT NULL,
    PRIMARY KEY (site_id, word)
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);

-- The words of a translatable title, as the dictionary keeps them.
CREATE FUNCTION lm_title_words(title jsonb) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT w.lexeme
FROM unnest(to_tsvector('simple'::regconfig, lm_unaccent(lower(
        coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'lt', '') || ' ' || coalesce(title ->> 'uk', ''))))) AS w
WHERE length(w.lexeme) BETWEEN 2 AND 60
$$;

-- A site's dictionary from scratch, set-wise (after bulk loads); answers the number of words.
CREATE FUNCTION lm_rebuild_search_words(site bigint) RETURNS bigint
    LANGUAGE plpgsql
AS $$
DECLARE
    words bigint;
BEGIN
    DELETE FROM search_word WHERE site_id = site;
    INSERT INTO search_word (site_id, word)
    SELECT DISTINCT site, w
    FROM (SELECT DISTINCT title FROM activity WHERE site_id = site) t, lm_title_words(t.title) AS w;
    GET DIAGNOSTICS words = ROW_COUNT;
    RETURN words;
END
$$;

-- New and retitled activities add their words. Words of removed titles stay until the next
-- rebuild: at worst a typo is corrected to a word that then finds nothing more than before.
CREATE FUNCTION lm_activity_words_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF lm_bulk_loading() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO search_word (site_id, word)
        SELECT DISTINCT n.site_id, w FROM (SELECT DISTINCT site_id, title FROM new_rows) n, lm_title_words(n.title) AS w
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO search_word (site_id, word)
        SELECT DISTINCT n.site_id, w
        FROM (SELECT DISTINCT n.site_id, n.title FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE n.title IS DISTINCT FROM o.title) n, lm_title_words(n.title) AS w
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER activity_words_inserted AFTER INSERT ON activity
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_activity_words_changed();
CREATE TRIGGER activity_words_updated AFTER UPDATE ON activity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_activity_words_changed();

-- The lexemes of a query restricted to weight A, the title's part of activity.search_document.
CREATE FUNCTION lm_title_only(q tsquery) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT regexp_replace(q::text, '(''(?:[^'']|'''')*'')', '\1:A', 'g')::tsquery $$;

-- The query of a search on a site: the words as typed, in the whole text, or, when some word is
-- not in the site's dictionary, the words as corrected, in the titles.
CREATE FUNCTION lm_search_query(site bigint, q text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH typed AS (
    SELECT w.lexeme AS word, w.positions[1] AS position
    FROM unnest(to_tsvector('simple'::regconfig, lm_unaccent(lower(q)))) AS w
), corrected AS (
    SELECT t.position, coalesce(f.word, t.word) AS word, f.word IS NOT NULL AS fixed
    FROM typed t
    LEFT JOIN LATERAL (SELECT d.word FROM search_word d
                       WHERE length(t.word) >= 3
                         AND NOT EXISTS (SELECT 1 FROM search_word e WHERE e.site_id = site AND e.word = t.word)
                         AND d.site_id = site AND d.word % t.word
                       ORDER BY similarity(d.word, t.word) DESC, d.word
                       LIMIT 1) f ON true
)
SELECT CASE WHEN bool_or(c.fixed)
            THEN lm_text_query(q) || lm_title_only(lm_text_query(string_agg(c.word, ' ' ORDER BY c.position)))
            ELSE lm_text_query(q) END
FROM corrected c
$$;

SELECT lm_rebuild_search_words(id) FROM site;
