package org.learningmap.enrolment.attendance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for attendance tests, written with SQL: people, an organisation with staff, an activity with
 * a session, and enrolments as the sign-up pages leave them (a pool with its confirmed count).
 */
class AttendanceFixture {

    final JdbcClient jdbc;

    AttendanceFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    CurrentAccount person(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, 'en') RETURNING id")
                .params(email, name).query(Long.class).single();
        return new CurrentAccount(id, email, name, null, true, false, false, Set.of());
    }

    long organisation(long siteId, String name) {
        return jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, status)
                        VALUES (?, ?, 'LIBRARY', ?::jsonb, 'APPROVED') RETURNING id
                        """)
                .params(siteId, "org-" + UUID.randomUUID(), "{\"en\":\"" + name + "\"}").query(Long.class).single();
    }

    void staff(long organisationId, CurrentAccount account, String role) {
        jdbc.sql("INSERT INTO membership (account_id, organisation_id, role) VALUES (?, ?, ?)")
                .params(account.id(), organisationId, role).update();
    }

    long activity(long organisationId, String kind, String title) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                        SELECT site_id, id, ?, 'PUBLISHED', ?::jsonb, '{ADULTS}', '{lt}', now() FROM organisation WHERE id = ?
                        RETURNING id
                        """)
                .params(kind, "{\"en\":\"" + title + "\"}", organisationId).query(Long.class).single();
    }

    long session(long activityId, Instant start, Instant end, Integer capacity) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity)
                        SELECT site_id, organisation_id, id, 'https://meet.example.org/room', ?, ?, ? FROM activity WHERE id = ?
                        RETURNING id
                        """)
                .params(Timestamp.from(start), Timestamp.from(end), capacity, activityId).query(Long.class).single();
    }

    /** The session's own pool of places (or the activity's, for a course), made if missing. */
    long pool(long activityId, Long sessionId, Integer capacity) {
        jdbc.sql("""
                        INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, capacity)
                        SELECT site_id, organisation_id, id, ?, ? FROM activity WHERE id = ? ON CONFLICT DO NOTHING
                        """)
                .params(sessionId, capacity, activityId).update();
        return jdbc.sql("SELECT id FROM place_pool WHERE activity_id = ? AND session_id IS NOT DISTINCT FROM ?")
                .params(activityId, sessionId).query(Long.class).single();
    }

    /** A person's place ({@code CONFIRMED}) or position in the queue ({@code WAITLISTED}) in a pool. */
    long enrol(long poolId, CurrentAccount person, String status) {
        if ("CONFIRMED".equals(status)) {
            jdbc.sql("UPDATE place_pool SET confirmed = confirmed + 1 WHERE id = ?").param(poolId).update();
        }
        return jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source,
                                               confirmed_at)
                        SELECT id, site_id, organisation_id, activity_id, session_id, ?, ?, 'SELF', CASE WHEN ? = 'CONFIRMED' THEN now() END
                          FROM place_pool WHERE id = ?
                        RETURNING id
                        """)
                .params(person.id(), status, status, poolId).query(Long.class).single();
    }

    String attendanceOf(long sessionId, long accountId) {
        return jdbc.sql("SELECT status FROM attendance WHERE session_id = ? AND account_id = ?").params(sessionId, accountId)
                .query(String.class).optional().orElse(null);
    }

    int attendanceRows(long sessionId) {
        return jdbc.sql("SELECT count(*) FROM attendance WHERE session_id = ?").param(sessionId).query(Integer.class).single();
    }
}
