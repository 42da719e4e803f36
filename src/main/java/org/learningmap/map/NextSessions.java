package org.learningmap.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The next sessions of matching activities at a few venues, for the list beside the map. */
@Repository
class NextSessions {

    /** The next session of one matching activity at a venue. */
    record NextSession(long venueId, long sessionId, Instant startsAt, long activityId, LocalizedText title) {
    }

    private static final String SQL = """
            SELECT x.venue_id, x.session_id, x.starts_at, x.activity_id, x.title
            FROM venue vv
            CROSS JOIN LATERAL (
                SELECT * FROM (
                    SELECT DISTINCT ON (s.activity_id) s.venue_id, s.id AS session_id, s.starts_at, a.id AS activity_id, a.title
                    FROM session s
                    JOIN activity a ON a.id = s.activity_id
                    WHERE s.venue_id = vv.id AND s.status = 'SCHEDULED' AND s.ends_at > :now%s
                      AND %s
                    ORDER BY s.activity_id, s.starts_at, s.id
                ) first_of_each
                ORDER BY first_of_each.starts_at, first_of_each.session_id
                LIMIT :perVenue
            ) x
            WHERE vv.id IN (:venueIds)
            ORDER BY x.venue_id, x.starts_at, x.session_id
            """;

    private final JdbcClient jdbc;

    NextSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each venue, the next session of up to {@code perVenue} different matching activities, soonest first. */
    Map<Long, List<NextSession>> at(MapQuery query, List<Long> venueIds, int perVenue) {
        Map<Long, List<NextSession>> byVenue = new LinkedHashMap<>();
        if (venueIds.isEmpty()) {
            return byVenue;
        }
        Map<String, Object> params = new LinkedHashMap<>(query.params());
        params.put("venueIds", venueIds);
        params.put("perVenue", perVenue);
        jdbc.sql(SQL.formatted(query.sessionConditions(), query.where()))
                .params(params)
                .query((rs, n) -> new NextSession(rs.getLong("venue_id"), rs.getLong("session_id"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getLong("activity_id"), Json.text(rs.getString("title"))))
                .list()
                .forEach(next -> byVenue.computeIfAbsent(next.venueId(), id -> new ArrayList<>()).add(next));
        return byVenue;
    }
}
