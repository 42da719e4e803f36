package org.learningmap.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads published activities and their sessions for public pages, the API and calendar files. Only
 * a published activity of the given site is public; anything else is "not found" to the public.
 */
@Component
class ActivityReader {

    /** A long-running weekly club lists at most this many coming sessions. */
    static final int MAX_SESSIONS = 200;

    private final JdbcClient jdbc;
    private final Topics topics;

    ActivityReader(JdbcClient jdbc, Topics topics) {
        this.jdbc = jdbc;
        this.topics = topics;
    }

    Optional<ActivityDetails> published(long siteId, long activityId) {
        Map<Long, Topic> topicsById = topics.byId(siteId);
        return jdbc.sql("""
                        SELECT a.id, a.site_id, a.kind, a.title, a.summary, a.description, a.easy_read, a.organisation_id,
                               o.name AS organisation_name, a.audiences, a.min_age, a.max_age, a.languages, a.digcomp,
                               a.price_cents, a.currency, a.voucher_eligible, a.online_url, a.duration_minutes, a.level,
                               a.topic_ids
                        FROM activity a JOIN organisation o ON o.id = a.organisation_id
                        WHERE a.id = ? AND a.site_id = ? AND a.status = 'PUBLISHED'
                        """)
                .params(activityId, siteId)
                .query((rs, n) -> details(rs, topicsById))
                .optional();
    }

    /** Sessions that have not ended, cancelled ones included, in start order. */
    List<SessionView> upcomingSessions(long activityId, Instant now) {
        return jdbc.sql("""
                        SELECT s.id, s.activity_id, s.starts_at, s.ends_at, s.venue_id, v.name AS venue_name, v.address, v.town,
                               s.online_url, s.status, s.capacity
                        FROM session s LEFT JOIN venue v ON v.id = s.venue_id
                        WHERE s.activity_id = ? AND s.ends_at > ?
                        ORDER BY s.starts_at, s.id
                        LIMIT ?
                        """)
                .params(activityId, Timestamp.from(now), MAX_SESSIONS)
                .query(ActivityReader::session)
                .list();
    }

    /** A session of a published activity of the site, whatever its time or status. */
    Optional<SessionView> publishedSession(long siteId, long sessionId) {
        return jdbc.sql("""
                        SELECT s.id, s.activity_id, s.starts_at, s.ends_at, s.venue_id, v.name AS venue_name, v.address, v.town,
                               s.online_url, s.status, s.capacity
                        FROM session s
                        JOIN activity a ON a.id = s.activity_id
                        LEFT JOIN venue v ON v.id = s.venue_id
                        WHERE s.id = ? AND a.site_id = ? AND a.status = 'PUBLISHED'
                        """)
                .params(sessionId, siteId)
                .query(ActivityReader::session)
                .optional();
    }

    private static ActivityDetails details(ResultSet rs, Map<Long, Topic> topicsById) throws SQLException {
        return new ActivityDetails(rs.getLong("id"), rs.getLong("site_id"), ActivityKind.valueOf(rs.getString("kind")),
                Json.text(rs.getString("title")), Json.text(rs.getString("summary")), Json.text(rs.getString("description")),
                Json.text(rs.getString("easy_read")), rs.getLong("organisation_id"), Json.text(rs.getString("organisation_name")),
                ActivitySearch.audiences(ActivitySearch.strings(rs.getArray("audiences"))), (Integer) rs.getObject("min_age"),
                (Integer) rs.getObject("max_age"), ActivitySearch.strings(rs.getArray("languages")),
                ActivitySearch.strings(rs.getArray("digcomp")), rs.getInt("price_cents"), rs.getString("currency"),
                rs.getBoolean("voucher_eligible"), rs.getString("online_url"), (Integer) rs.getObject("duration_minutes"),
                rs.getString("level"),
                ActivitySearch.longs(rs.getArray("topic_ids")).stream().map(topicsById::get).filter(java.util.Objects::nonNull).toList());
    }

    private static SessionView session(ResultSet rs, int row) throws SQLException {
        Long venueId = (Long) rs.getObject("venue_id");
        return new SessionView(rs.getLong("id"), rs.getLong("activity_id"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), venueId,
                venueId == null ? LocalizedText.EMPTY : Json.text(rs.getString("venue_name")), rs.getString("address"),
                rs.getString("town"), rs.getString("online_url"), "CANCELLED".equals(rs.getString("status")),
                (Integer) rs.getObject("capacity"));
    }
}
