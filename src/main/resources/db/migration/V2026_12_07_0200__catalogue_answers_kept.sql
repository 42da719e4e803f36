-- Kept search answers (catalogue.CachedSearch, catalogue.AnonymousAnswers) are reused while the catalogue's
-- change number stays the same and until a session of their matches ends. Besides activities, sessions and
-- topics they show the organisation's name, the venue's name and town, and the site's own settings, so a
-- change to any of those is a change to the catalogue too.
CREATE TRIGGER catalogue_organisation_changed AFTER INSERT OR UPDATE OR DELETE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();
CREATE TRIGGER catalogue_venue_changed AFTER INSERT OR UPDATE OR DELETE ON venue
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();
CREATE TRIGGER catalogue_site_changed AFTER INSERT OR UPDATE OR DELETE ON site
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();
CREATE TRIGGER catalogue_area_changed AFTER INSERT OR UPDATE OR DELETE ON area
    FOR EACH STATEMENT EXECUTE FUNCTION lm_catalogue_changed();

-- The site's sessions in the order they end: the first moment a kept search answer can change by time
-- alone (catalogue.ActivitySearch.CHANGES_AT).
CREATE INDEX session_site_end_idx ON session (site_id, ends_at) INCLUDE (activity_id) WHERE status = 'SCHEDULED';
