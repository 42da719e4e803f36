-- Search at 100,000 activities and 300,000 sessions within a few milliseconds.
--
-- "Has an upcoming session" is the question every search asks of every activity. Asked of the
-- session table it costs one probe per activity (hundreds of milliseconds for a whole site), so the
-- activity row keeps the end of its last scheduled session, online and in person. These values do
-- not change as time passes (an activity has an upcoming session exactly while now < that end), so
-- triggers on session keep them right and no job has to roll them forward. The activity's topics
-- are kept on the row too, so that facet counts read one narrow index and nothing else.

ALTER TABLE activity
    ADD COLUMN topic_ids       bigint[]    NOT NULL DEFAULT '{}',
    ADD COLUMN sessions_until  timestamptz,
    ADD COLUMN online_until    timestamptz,
    ADD COLUMN in_person_until timestamptz,
    -- The title's own vector: ranking thousands of matches on the whole document (title, summary and
    -- description in three configurations, often toasted) costs about ten times more.
    ADD COLUMN search_title    tsvector GENERATED ALWAYS AS (lm_text_vector(title, 'A')) STORED;

CREATE FUNCTION lm_refresh_activity_sessions(ids bigint[]) RETURNS void
    LANGUAGE sql
AS $$
UPDATE activity a
SET sessions_until = x.sessions_until, online_until = x.online_until, in_person_until = x.in_person_until
FROM (SELECT i.id,
             max(s.ends_at) AS sessions_until,
             max(s.ends_at) FILTER (WHERE s.venue_id IS NULL) AS online_until,
             max(s.ends_at) FILTER (WHERE s.venue_id IS NOT NULL) AS in_person_until
      FROM unnest(ids) AS i (id)
      LEFT JOIN session s ON s.activity_id = i.id AND s.status = 'SCHEDULED'
      GROUP BY i.id) x
WHERE a.id = x.id
  AND (a.sessions_until, a.online_until, a.in_person_until)
      IS DISTINCT FROM (x.sessions_until, x.online_until, x.in_person_until)
$$;

CREATE FUNCTION lm_refresh_activity_topics(ids bigint[]) RETURNS void
    LANGUAGE sql
AS $$
UPDATE activity a
SET topic_ids = x.topic_ids
FROM (SELECT i.id, ARRAY(SELECT t.topic_id FROM activity_topic t WHERE t.activity_id = i.id ORDER BY t.topic_id) AS topic_ids
      FROM unnest(ids) AS i (id)) x
WHERE a.id = x.id
  AND a.topic_ids IS DISTINCT FROM x.topic_ids
$$;

-- Bumped by every statement that changes what search can find; cached search answers are only
-- reused while it stands still. A sequence takes no row lock, so editors never wait on each other.
CREATE SEQUENCE catalogue_change_seq;

CREATE FUNCTION lm_catalogue_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM nextval('catalogue_change_seq');
    RETURN NULL;
END
$$;

CREATE FUNCTION lm_session_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
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

CREATE FUNCTION lm_activity_topic_changed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
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

CREATE TRIGGER session_inserted AFTER INSERT ON session
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_session_changed();
CREATE TRIGGER session_updated AFTER UPDATE ON session
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_session_changed();
CREATE TRIGGER session_deleted AFTER DELETE ON session
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_session_changed();

CREATE TRIGGER activity_topic_inserted AFTER INSERT ON activity_topic
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_activity_topic_changed();
CREATE TRIGGER activity_topic_updated AFTER UPDATE ON activity_topic
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_activity_topic_changed();
CREATE TRIGGER activity_topic_deleted AFTER DELETE ON activity_topic
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lm_activity_topic_changed();

CREATE TRIGGER activity_changed AFTER INSERT OR UPDATE OR DELETE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();
CREATE TRIGGER topic_changed AFTER INSERT OR UPDATE OR DELETE ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();

-- Rows written before this migration.
UPDATE activity a
SET topic_ids = ARRAY(SELECT t.topic_id FROM activity_topic t WHERE t.activity_id = a.id ORDER BY t.topic_id);
SELECT lm_refresh_activity_sessions(ARRAY(SELECT id FROM activity));

-- Counting and facet counts of a whole site: an index-only scan of one narrow index.
CREATE INDEX activity_browse_idx ON activity (site_id)
    INCLUDE (id, kind, price_cents, audiences, languages, topic_ids, min_age, max_age, organisation_id,
             sessions_until, online_until, in_person_until)
    WHERE status = 'PUBLISHED';

-- "Soonest": walk a site's scheduled sessions in start order and stop after one page.
CREATE INDEX session_upcoming_idx ON session (site_id, starts_at, id)
    INCLUDE (activity_id, ends_at, venue_id) WHERE status = 'SCHEDULED';
-- An activity's next session, its number of upcoming sessions, and "is this its first upcoming one".
CREATE INDEX session_activity_upcoming_idx ON session (activity_id, starts_at, id)
    INCLUDE (ends_at, venue_id) WHERE status = 'SCHEDULED';
-- Sessions longer than a day (camps): the only ones still running that started more than a day ago,
-- so the soonest walk can start a day back unless one of these started earlier.
CREATE INDEX session_long_idx ON session (site_id, starts_at)
    INCLUDE (ends_at) WHERE status = 'SCHEDULED' AND ends_at - starts_at > interval '24 hours';
-- What is coming up at a venue, and "nearest": the sessions of the venues nearest a point.
CREATE INDEX session_venue_upcoming_idx ON session (venue_id, starts_at, id)
    INCLUDE (activity_id, ends_at) WHERE status = 'SCHEDULED' AND venue_id IS NOT NULL;
-- Venues in order of distance from a point (k-nearest-neighbour on the earth's surface).
CREATE INDEX venue_earth_idx ON venue USING gist (ll_to_earth(lat, lon));
