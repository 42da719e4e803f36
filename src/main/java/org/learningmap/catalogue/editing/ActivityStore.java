package org.learningmap.catalogue.editing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.Audience;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activities, their topics and sessions in PostgreSQL. Every write names the owning organisation's rows only. */
@Repository
class ActivityStore {

    /** A topic of the site's vocabulary. */
    record Topic(long id, String slug, LocalizedText name) {
    }

    /** One line of the staff list. */
    record Listed(long id, ActivityKind kind, ActivityStatus status, LocalizedText title, Instant nextSession,
                  int upcomingSessions, Instant updatedAt) {
    }

    /** A page of the staff list and whether more follow. */
    record ListPage(List<Listed> items, boolean more) {
    }

    private static final String ACTIVITY_COLUMNS = """
            a.id, a.site_id, a.organisation_id, a.kind, a.status, a.title, a.summary, a.description, a.easy_read,
            a.audiences, a.min_age, a.max_age, a.languages, a.digcomp, a.price_cents, a.currency, a.voucher_eligible,
            a.online_url, a.duration_minutes, a.level, a.image_id, a.published_at, a.updated_at, a.review_note,
            ARRAY(SELECT t.slug FROM activity_topic at JOIN topic t ON t.id = at.topic_id
                  WHERE at.activity_id = a.id ORDER BY t.position, t.slug) AS topic_slugs
            """;

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredActivity> find(long id) {
        return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM activity a WHERE a.id = ?")
                .param(id).query((rs, n) -> activity(rs)).optional();
    }

    /** The same, locked until the transaction ends, for a status change. */
    Optional<StoredActivity> lock(long id) {
        return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM activity a WHERE a.id = ? FOR UPDATE")
                .param(id).query((rs, n) -> activity(rs)).optional();
    }

    long insert(long siteId, long organisationId, ActivityContent content, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, description, easy_read,
                                              audiences, min_age, max_age, languages, digcomp, price_cents, currency,
                                              voucher_eligible, online_url, duration_minutes, level, created_at, updated_at)
                        VALUES (:site, :organisation, :kind, 'DRAFT', :title::jsonb, :summary::jsonb, :description::jsonb,
                                :easyRead::jsonb, :audiences::text[], :minAge, :maxAge, :languages::text[], :digcomp::text[],
                                :price, :currency, :voucher, :onlineUrl, :duration, :level, :now, :now)
                        RETURNING id
                        """)
                .param("site", siteId)
                .param("organisation", organisationId)
                .params(contentParams(content))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        replaceTopics(id, siteId, content.topics());
        return id;
    }

    void update(long id, ActivityContent content, Instant now) {
        jdbc.sql("""
                        UPDATE activity SET kind = :kind, title = :title::jsonb, summary = :summary::jsonb,
                               description = :description::jsonb, easy_read = :easyRead::jsonb, audiences = :audiences::text[],
                               min_age = :minAge, max_age = :maxAge, languages = :languages::text[], digcomp = :digcomp::text[],
                               price_cents = :price, currency = :currency, voucher_eligible = :voucher, online_url = :onlineUrl,
                               duration_minutes = :duration, level = :level, updated_at = :now
                        WHERE id = :id
                        """)
                .params(contentParams(content))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        long siteId = jdbc.sql("SELECT site_id FROM activity WHERE id = ?").param(id).query(Long.class).single();
        replaceTopics(id, siteId, content.topics());
    }

    private void replaceTopics(long activityId, long siteId, List<String> slugs) {
        jdbc.sql("DELETE FROM activity_topic WHERE activity_id = ?").param(activityId).update();
        if (!slugs.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO activity_topic (activity_id, topic_id)
                            SELECT :activity, id FROM topic WHERE site_id = :site AND slug IN (:slugs)
                            """)
                    .param("activity", activityId).param("site", siteId).param("slugs", slugs)
                    .update();
        }
    }

    /** Moves the status only from the expected one, so two people acting at once cannot both succeed. */
    boolean changeStatus(long id, ActivityStatus from, ActivityStatus to, Instant now) {
        return jdbc.sql("""
                        UPDATE activity SET status = :to, updated_at = :now,
                               published_at = CASE WHEN :to = 'PUBLISHED' THEN :now ELSE published_at END,
                               review_note = CASE WHEN :to IN ('PUBLISHED', 'PENDING_REVIEW') THEN NULL ELSE review_note END
                        WHERE id = :id AND status = :from
                        """)
                .param("to", to.name()).param("from", from.name()).param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    void noteReview(long id, String note) {
        jdbc.sql("UPDATE activity SET review_note = ? WHERE id = ?").params(note, id).update();
    }

    void setImage(long id, long imageId, Instant now) {
        jdbc.sql("UPDATE activity SET image_id = ?, updated_at = ? WHERE id = ?").params(imageId, Timestamp.from(now), id).update();
    }

    int upcomingSessions(long activityId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM session WHERE activity_id = ? AND status = 'SCHEDULED' AND starts_at > ?")
                .params(activityId, Timestamp.from(now)).query(Integer.class).single();
    }

    List<StoredSession> sessions(long activityId) {
        return jdbc.sql("SELECT * FROM session WHERE activity_id = ? ORDER BY starts_at, id")
                .param(activityId).query((rs, n) -> session(rs)).list();
    }

    Optional<StoredSession> session(long id) {
        return jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query((rs, n) -> session(rs)).optional();
    }

    long insertSession(StoredActivity activity, Long venueId, String onlineUrl, Instant start, Instant end, Integer capacity,
                       String seriesRule) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, online_url, starts_at, ends_at,
                                             capacity, series_rule)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(activity.siteId(), activity.organisationId(), activity.id(), venueId, onlineUrl, Timestamp.from(start),
                        Timestamp.from(end), capacity, seriesRule)
                .query(Long.class).single();
    }

    void updateSession(long id, Long venueId, String onlineUrl, Instant start, Instant end, Integer capacity) {
        jdbc.sql("UPDATE session SET venue_id = ?, online_url = ?, starts_at = ?, ends_at = ?, capacity = ? WHERE id = ?")
                .params(venueId, onlineUrl, Timestamp.from(start), Timestamp.from(end), capacity, id).update();
    }

    void deleteSession(long id) {
        jdbc.sql("DELETE FROM session WHERE id = ?").param(id).update();
    }

    boolean cancelSession(long id) {
        return jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE id = ? AND status = 'SCHEDULED'").param(id).update() == 1;
    }

    /** Cancels every scheduled session that has not started; returns them. */
    List<StoredSession> cancelFutureSessions(long activityId, Instant now) {
        return jdbc.sql("""
                        UPDATE session SET status = 'CANCELLED'
                        WHERE activity_id = ? AND status = 'SCHEDULED' AND starts_at > ?
                        RETURNING *
                        """)
                .params(activityId, Timestamp.from(now)).query((rs, n) -> session(rs)).list();
    }

    void touch(long activityId, Instant now) {
        jdbc.sql("UPDATE activity SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), activityId).update();
    }

    List<Topic> topics(long siteId) {
        return jdbc.sql("SELECT id, slug, name FROM topic WHERE site_id = ? ORDER BY position, slug")
                .param(siteId)
                .query((rs, n) -> new Topic(rs.getLong("id"), rs.getString("slug"), Json.text(rs.getString("name"))))
                .list();
    }

    /** The organisation's activities, newest change first, filtered by status, kind and words of the title. */
    ListPage list(long organisationId, ActivityStatus status, ActivityKind kind, String text, Instant now, int page, int size) {
        List<String> where = new ArrayList<>(List.of("a.organisation_id = :organisation"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("organisation", organisationId);
        params.put("now", Timestamp.from(now));
        if (status != null) {
            where.add("a.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.add("a.kind = :kind");
            params.put("kind", kind.name());
        }
        if (text != null && !text.isBlank()) {
            where.add("a.search_text LIKE '%' || lm_unaccent(lower(:text)) || '%' ESCAPE '\\'");
            params.put("text", text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        params.put("limit", size + 1);
        params.put("offset", page * size);
        List<Listed> rows = jdbc.sql("""
                        SELECT a.id, a.kind, a.status, a.title, a.updated_at, next.starts_at AS next_session,
                               (SELECT count(*) FROM session s WHERE s.activity_id = a.id AND s.status = 'SCHEDULED'
                                                                AND s.starts_at > :now) AS upcoming
                        FROM activity a
                        LEFT JOIN LATERAL (SELECT s.starts_at FROM session s
                                           WHERE s.activity_id = a.id AND s.status = 'SCHEDULED' AND s.starts_at > :now
                                           ORDER BY s.starts_at LIMIT 1) next ON true
                        WHERE %s
                        ORDER BY a.updated_at DESC, a.id DESC
                        LIMIT :limit OFFSET :offset
                        """.formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> new Listed(rs.getLong("id"), ActivityKind.valueOf(rs.getString("kind")),
                        ActivityStatus.valueOf(rs.getString("status")), Json.text(rs.getString("title")),
                        instant(rs, "next_session"), rs.getInt("upcoming"), instant(rs, "updated_at")))
                .list();
        return new ListPage(rows.size() > size ? rows.subList(0, size) : rows, rows.size() > size);
    }

    /** Activities of a site waiting for a coordinator, oldest first. */
    List<StoredActivity> pending(long siteId, int limit) {
        return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM activity a WHERE a.site_id = ? AND a.status = 'PENDING_REVIEW' "
                        + "ORDER BY a.updated_at, a.id LIMIT ?")
                .params(siteId, limit).query((rs, n) -> activity(rs)).list();
    }

    private static Map<String, Object> contentParams(ActivityContent content) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", content.kind().name());
        params.put("title", Json.json(content.title()));
        params.put("summary", Json.json(content.summary()));
        params.put("description", Json.json(content.description()));
        params.put("easyRead", Json.json(content.easyRead()));
        params.put("audiences", array(content.audiences().stream().map(Enum::name).toList()));
        params.put("minAge", content.minAge());
        params.put("maxAge", content.maxAge());
        params.put("languages", array(content.languages()));
        params.put("digcomp", array(content.digcomp()));
        params.put("price", content.priceCents());
        params.put("currency", content.currency());
        params.put("voucher", content.voucherEligible());
        params.put("onlineUrl", content.onlineUrl());
        params.put("duration", content.durationMinutes());
        params.put("level", content.level());
        return params;
    }

    /** A PostgreSQL array literal with every element quoted. */
    static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static StoredActivity activity(ResultSet rs) throws SQLException {
        ActivityContent content = new ActivityContent(ActivityKind.valueOf(rs.getString("kind")), Json.text(rs.getString("title")),
                Json.text(rs.getString("summary")), Json.text(rs.getString("description")), Json.text(rs.getString("easy_read")),
                strings(rs.getArray("topic_slugs")), strings(rs.getArray("digcomp")),
                strings(rs.getArray("audiences")).stream().map(Audience::valueOf).toList(),
                (Integer) rs.getObject("min_age"), (Integer) rs.getObject("max_age"), strings(rs.getArray("languages")),
                rs.getInt("price_cents"), rs.getString("currency"), rs.getBoolean("voucher_eligible"), rs.getString("online_url"),
                (Integer) rs.getObject("duration_minutes"), rs.getString("level"));
        long imageId = rs.getLong("image_id");
        return new StoredActivity(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                ActivityStatus.valueOf(rs.getString("status")), content, rs.wasNull() ? null : imageId,
                instant(rs, "published_at"), instant(rs, "updated_at"), rs.getString("review_note"));
    }

    private static StoredSession session(ResultSet rs) throws SQLException {
        long venue = rs.getLong("venue_id");
        Long venueId = rs.wasNull() ? null : venue;
        return new StoredSession(rs.getLong("id"), rs.getLong("activity_id"), venueId, rs.getString("online_url"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), (Integer) rs.getObject("capacity"),
                "CANCELLED".equals(rs.getString("status")), rs.getString("series_rule"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
