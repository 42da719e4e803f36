-- A sign-up's site, organisation and activity are those of its pool. One foreign key to the pool's row says so
-- (and is stricter than before: the copies can no longer differ from the pool), replacing four keys that each
-- locked a parent row (FOR KEY SHARE) on every sign-up. The site's and the organisation's rows were locked by
-- every concurrent sign-up of the site; the pool's row is the one the sign-up's transaction has just updated.
-- Deleting an activity or a session still removes its pools and so their sign-ups; a site or an organisation
-- with pools still cannot be deleted (place_pool keeps its own keys).
ALTER TABLE place_pool ADD CONSTRAINT place_pool_keys UNIQUE (id, site_id, organisation_id, activity_id);
ALTER TABLE enrolment
    ADD CONSTRAINT enrolment_pool_keys_fkey FOREIGN KEY (pool_id, site_id, organisation_id, activity_id)
        REFERENCES place_pool (id, site_id, organisation_id, activity_id) ON DELETE CASCADE,
    DROP CONSTRAINT enrolment_pool_id_fkey,
    DROP CONSTRAINT enrolment_site_id_fkey,
    DROP CONSTRAINT enrolment_organisation_id_fkey,
    DROP CONSTRAINT enrolment_activity_id_fkey;
