-- The map reads the catalogue's and organisations' tables; it owns only what is below.

-- Upcoming scheduled sessions of an activity with their venue, read without touching the table
-- when the map finds the venues of matching activities.
CREATE INDEX map_session_upcoming_idx ON session (activity_id, ends_at) INCLUDE (venue_id, starts_at)
    WHERE status = 'SCHEDULED';
-- The same sessions seen from a venue: the list's next sessions of one venue.
CREATE INDEX map_session_venue_upcoming_idx ON session (venue_id, starts_at) INCLUDE (activity_id, ends_at)
    WHERE status = 'SCHEDULED';
-- "Near a town or address" also looks at the towns and addresses of the site's venues.
CREATE INDEX map_venue_town_trgm_idx ON venue USING gin (lm_unaccent(lower(town)) gin_trgm_ops);
CREATE INDEX map_venue_address_trgm_idx ON venue USING gin (lm_unaccent(lower(address)) gin_trgm_ops);

-- Web-Mercator world pixels at zoom 0 (a 256 px square world), the grid the clusters snap to.
CREATE FUNCTION map_world_x(lon double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT (lon + 180.0) / 360.0 * 256.0 $$;

CREATE FUNCTION map_world_y(lat double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT (0.5 - ln(tan(pi() / 4 + radians(greatest(-85.05112878, least(85.05112878, lat))) / 2)) / (2 * pi())) * 256.0 $$;

-- One row per transaction that changed what the map shows. The map keeps computed clusters in
-- memory and serves them only while no transaction listed here is committed that the computation
-- could not see (compared by snapshot), so a cached answer is never older than the data. Rows are
-- appended without locks, so writers never wait for each other or for the map.
CREATE TABLE map_catalogue_change (
    xid       xid8        PRIMARY KEY,
    noted_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION map_note_catalogue_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    -- Once per transaction: a bulk load of many statements pays for one row.
    IF current_setting('learningmap.map_change_noted', true) IS DISTINCT FROM 'yes' THEN
        INSERT INTO map_catalogue_change (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
        PERFORM set_config('learningmap.map_change_noted', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER map_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change_truncate AFTER TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON session
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change_truncate AFTER TRUNCATE ON session
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON activity_topic
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change_truncate AFTER TRUNCATE ON activity_topic
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change_truncate AFTER TRUNCATE ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change AFTER INSERT OR UPDATE OR DELETE ON venue
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
CREATE TRIGGER map_catalogue_change_truncate AFTER TRUNCATE ON venue
    FOR EACH STATEMENT EXECUTE FUNCTION map_note_catalogue_change();
