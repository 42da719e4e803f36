-- Corrected words are looked up in the titles through an index of their own: looking them up in the
-- whole document restricted to the title's weight made PostgreSQL re-read every candidate's full
-- document (hundreds of milliseconds for a common word with a typo at 100,000 activities).
CREATE INDEX activity_search_title_idx ON activity USING gin (search_title);

-- The query of the words as the dictionary corrected them, or NULL when every word was known (or
-- nothing could be corrected); matched against activity.search_title.
CREATE FUNCTION lm_corrected_query(site bigint, q text) RETURNS tsquery
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
SELECT CASE WHEN bool_or(c.fixed) THEN lm_text_query(string_agg(c.word, ' ' ORDER BY c.position)) END
FROM corrected c
$$;
