-- Bulk loads (the demo, the benchmark's 100,000 activities) write the activities' derived columns
-- themselves, set-wise, instead of letting the session and topic triggers refresh activity rows
-- after every INSERT statement. A loading transaction says so with
--     SET LOCAL learningmap.bulk_load = 'on'
-- (a custom setting: any role may set it, no superuser needed, and it ends with the transaction),
-- and must then call lm_derive_activity_columns for what it wrote. Every other transaction keeps
-- the triggers' per-statement refresh.

CREATE OR REPLACE FUNCTION lm_bulk_loading() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('learningmap.bulk_load', true), '') = 'on' $$;

CREATE OR REPLACE FUNCTION lm_session_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF lm_bulk_loading() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM lm_refresh_activity_sessions(ARRAY(SELECT DISTINCT activity_id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM lm_refresh_activity_sessions(ARRAY(SELECT activity_id FROM new_rows UNION SELECT activity_id FROM old_rows));
    ELSE
        PERFORM lm_refresh_activity_sessions(ARRAY(SELECT DISTINCT activity_id FROM old_rows));
    END IF;
    PERFORM nextval('catalogue_change_seq');
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION lm_activity_topic_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF lm_bulk_loading() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM lm_refresh_activity_topics(ARRAY(SELECT DISTINCT activity_id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM lm_refresh_activity_topics(ARRAY(SELECT activity_id FROM new_rows UNION SELECT activity_id FROM old_rows));
    ELSE
        PERFORM lm_refresh_activity_topics(ARRAY(SELECT DISTINCT activity_id FROM old_rows));
    END IF;
    PERFORM nextval('catalogue_change_seq');
    RETURN NULL;
END
$$;

-- What the triggers would have written for every activity of a site, in one pass over its sessions
-- and topics (hash aggregates, no per-activity probes); rows already right are left untouched.
CREATE FUNCTION lm_derive_activity_columns(site bigint) RETURNS bigint
    LANGUAGE sql
AS $$
WITH topics AS (
    SELECT t.activity_id, array_agg(t.topic_id ORDER BY t.topic_id) AS topic_ids
    FROM activity_topic t JOIN activity a ON a.id = t.activity_id
    WHERE a.site_id = site
    GROUP BY t.activity_id
), sessions AS (
    SELECT s.activity_id,
           max(s.ends_at) AS sessions_until,
           max(s.ends_at) FILTER (WHERE s.venue_id IS NULL) AS online_until,
           max(s.ends_at) FILTER (WHERE s.venue_id IS NOT NULL) AS in_person_until
    FROM session s
    WHERE s.site_id = site AND s.status = 'SCHEDULED'
    GROUP BY s.activity_id
), derived AS (
    SELECT a.id, coalesce(t.topic_ids, '{}') AS topic_ids, s.sessions_until, s.online_until, s.in_person_until
    FROM activity a
    LEFT JOIN topics t ON t.activity_id = a.id
    LEFT JOIN sessions s ON s.activity_id = a.id
    WHERE a.site_id = site
), changed AS (
    UPDATE activity a
    SET topic_ids = d.topic_ids, sessions_until = d.sessions_until, online_until = d.online_until,
        in_person_until = d.in_person_until
    FROM derived d
    WHERE a.id = d.id
      AND (a.topic_ids, a.sessions_until, a.online_until, a.in_person_until)
          IS DISTINCT FROM (d.topic_ids, d.sessions_until, d.online_until, d.in_person_until)
    RETURNING 1
)
SELECT count(*) + 0 * nextval('catalogue_change_seq') FROM changed
$$;
