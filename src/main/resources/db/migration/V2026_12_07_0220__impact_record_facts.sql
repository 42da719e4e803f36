-- Records one fact and adds it to its day and month cells, in the caller's transaction. The cells used to be
-- recomputed from all their facts after each new fact, under an advisory lock per cell (so each recomputation
-- saw the facts the others had committed): a scan of every fact of the cell and four statements each time, and
-- concurrent writers of one cell (every sign-up of an organisation on one day) waiting for each other.
-- Now each fact adds its delta to the cells' rows with an upsert: the row lock orders concurrent writers and a
-- fact and its addition are committed together, so the sums stay exactly those of the facts. A recomputation
-- that runs meanwhile (impact_refresh_daily, impact_rebuild) deletes and rewrites rows: an addition made before
-- it is in the facts it reads (the addition's transaction committed first, or the recomputation waited for its
-- row lock), and one made after it adds to the recomputed row.
CREATE OR REPLACE FUNCTION impact_record(p_site bigint, p_org bigint, p_area bigint, p_profile int, p_kind text, p_day date,
                                         p_person bigint, p_delta int, p_amount int, p_source text)
    RETURNS void LANGUAGE sql AS $$
INSERT INTO impact_fact (site_id, organisation_id, area_id, profile_id, kind, day, person_id, delta, amount, source)
VALUES (p_site, p_org, p_area, p_profile, p_kind, p_day, p_person, p_delta, p_amount, p_source);
INSERT INTO impact_daily AS c (site_id, day, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances, no_shows,
                               badges, volunteer_minutes, helps, ratings_before, score_before, ratings_after, score_after)
VALUES (p_site, p_day, p_org, p_area, p_profile,
        CASE WHEN p_kind = 'SESSION_HELD' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'ENROLMENT' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'ATTENDANCE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'NO_SHOW' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'BADGE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'VOLUNTEER_MINUTES' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'HELP' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'RATING_BEFORE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'RATING_BEFORE' THEN p_amount ELSE 0 END,
        CASE WHEN p_kind = 'RATING_AFTER' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'RATING_AFTER' THEN p_amount ELSE 0 END)
ON CONFLICT (site_id, day, organisation_id, area_id, profile_id) DO UPDATE SET
    sessions_held = c.sessions_held + excluded.sessions_held, enrolments = c.enrolments + excluded.enrolments,
    attendances = c.attendances + excluded.attendances, no_shows = c.no_shows + excluded.no_shows,
    badges = c.badges + excluded.badges, volunteer_minutes = c.volunteer_minutes + excluded.volunteer_minutes,
    helps = c.helps + excluded.helps, ratings_before = c.ratings_before + excluded.ratings_before,
    score_before = c.score_before + excluded.score_before, ratings_after = c.ratings_after + excluded.ratings_after,
    score_after = c.score_after + excluded.score_after;
INSERT INTO impact_monthly AS c (site_id, month, organisation_id, area_id, profile_id, sessions_held, enrolments, attendances, no_shows,
                                 badges, volunteer_minutes, helps, ratings_before, score_before, ratings_after, score_after)
VALUES (p_site, date_trunc('month', p_day)::date, p_org, p_area, p_profile,
        CASE WHEN p_kind = 'SESSION_HELD' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'ENROLMENT' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'ATTENDANCE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'NO_SHOW' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'BADGE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'VOLUNTEER_MINUTES' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'HELP' THEN p_delta ELSE 0 END,
        CASE WHEN p_kind = 'RATING_BEFORE' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'RATING_BEFORE' THEN p_amount ELSE 0 END,
        CASE WHEN p_kind = 'RATING_AFTER' THEN p_delta ELSE 0 END, CASE WHEN p_kind = 'RATING_AFTER' THEN p_amount ELSE 0 END)
ON CONFLICT (site_id, month, organisation_id, area_id, profile_id) DO UPDATE SET
    sessions_held = c.sessions_held + excluded.sessions_held, enrolments = c.enrolments + excluded.enrolments,
    attendances = c.attendances + excluded.attendances, no_shows = c.no_shows + excluded.no_shows,
    badges = c.badges + excluded.badges, volunteer_minutes = c.volunteer_minutes + excluded.volunteer_minutes,
    helps = c.helps + excluded.helps, ratings_before = c.ratings_before + excluded.ratings_before,
    score_before = c.score_before + excluded.score_before, ratings_after = c.ratings_after + excluded.ratings_after,
    score_after = c.score_after + excluded.score_after;
$$;
