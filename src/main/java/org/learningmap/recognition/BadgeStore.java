package org.learningmap.recognition;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The tables {@code badge} and {@code badge_image}. */
@Repository
class BadgeStore {

    private static final String BADGE = """
            SELECT id, site_id, organisation_id, source, source_id, name::text AS name, description::text AS description,
                   criteria::text AS criteria, tags, alignments::text AS alignments, validity_days, attendance_percent, updated_at
              FROM badge
            """;
    private static final TypeReference<List<Map<String, String>>> ALIGNMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    BadgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a badge; for a source that has one badge only (an activity, a playlist, a band, a milestone)
     * a second attempt adds nothing and the existing badge is returned.
     */
    Badge insert(long siteId, long organisationId, BadgeSource source, Long sourceId, String sourceKey, LocalizedText name,
                 LocalizedText description, LocalizedText criteria, List<String> tags, List<Alignment> alignments,
                 Integer validityDays, Integer attendancePercent, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO badge (site_id, organisation_id, source, source_id, source_key, name, description, criteria, tags,
                                           alignments, validity_days, attendance_percent, created_at, updated_at)
                        VALUES (:site, :organisation, :source, :sourceId, :sourceKey, CAST(:name AS jsonb), CAST(:description AS jsonb),
                                CAST(:criteria AS jsonb), CAST(:tags AS text[]), CAST(:alignments AS jsonb), :validity, :attendance, :now, :now)
                        ON CONFLICT DO NOTHING RETURNING id
                        """)
                .param("site", siteId).param("organisation", organisationId).param("source", source.name())
                .param("sourceId", sourceId).param("sourceKey", sourceKey)
                .param("name", Json.json(name)).param("description", Json.json(description)).param("criteria", Json.json(criteria))
                .param("tags", pgArray(tags)).param("alignments", alignmentsJson(alignments))
                .param("validity", validityDays).param("attendance", attendancePercent).param("now", Timestamp.from(now))
                .query(Long.class).optional();
        if (id.isPresent()) {
            return find(id.get()).orElseThrow();
        }
        Optional<Badge> existing = sourceKey != null ? bySourceKey(siteId, source, sourceKey) : bySource(source, sourceId);
        return existing.orElseThrow(() -> new IllegalStateException("badge neither added nor found"));
    }

    Optional<Badge> find(long id) {
        return jdbc.sql(BADGE + " WHERE id = ?").param(id).query(BadgeStore::badge).optional();
    }

    Optional<Badge> bySource(BadgeSource source, Long sourceId) {
        if (sourceId == null) {
            return Optional.empty();
        }
        return jdbc.sql(BADGE + " WHERE source = ? AND source_id = ? ORDER BY id LIMIT 1").params(source.name(), sourceId)
                .query(BadgeStore::badge).optional();
    }

    Optional<Badge> bySourceKey(long siteId, BadgeSource source, String sourceKey) {
        return jdbc.sql(BADGE + " WHERE site_id = ? AND source = ? AND source_key = ?").params(siteId, source.name(), sourceKey)
                .query(BadgeStore::badge).optional();
    }

    List<Badge> ofOrganisation(long organisationId) {
        return jdbc.sql(BADGE + " WHERE organisation_id = ? ORDER BY name ->> 'en', id LIMIT 1000").param(organisationId)
                .query(BadgeStore::badge).list();
    }

    List<Badge> ofOrganisations(List<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BADGE + " WHERE organisation_id IN (:ids) ORDER BY organisation_id, updated_at DESC, id LIMIT 1000")
                .param("ids", organisationIds).query(BadgeStore::badge).list();
    }

    /** The organisations issuing the site's own badges (skills-check bands, volunteer milestones). */
    List<Long> siteBadgeIssuers(long siteId) {
        return jdbc.sql("SELECT DISTINCT organisation_id FROM badge WHERE site_id = ? AND source IN ('SKILLS_BAND', 'VOLUNTEER_HOURS') ORDER BY 1")
                .param(siteId).query(Long.class).list();
    }

    /** Changes what a person may edit; false when the badge does not exist. */
    boolean update(long id, LocalizedText name, LocalizedText description, LocalizedText criteria, List<String> tags,
                   List<Alignment> alignments, Integer validityDays, Integer attendancePercent, Instant now) {
        return jdbc.sql("""
                        UPDATE badge SET name = CAST(:name AS jsonb), description = CAST(:description AS jsonb),
                               criteria = CAST(:criteria AS jsonb), tags = CAST(:tags AS text[]), alignments = CAST(:alignments AS jsonb),
                               validity_days = :validity, attendance_percent = :attendance, updated_at = :now
                         WHERE id = :id
                        """)
                .param("name", Json.json(name)).param("description", Json.json(description)).param("criteria", Json.json(criteria))
                .param("tags", pgArray(tags)).param("alignments", alignmentsJson(alignments))
                .param("validity", validityDays).param("attendance", attendancePercent).param("now", Timestamp.from(now))
                .param("id", id).update() == 1;
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE badge SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    // --- images

    record StoredImage(String contentType, byte[] bytes, boolean uploaded) {
    }

    Optional<StoredImage> image(long badgeId) {
        return jdbc.sql("SELECT content_type, bytes, uploaded FROM badge_image WHERE badge_id = ?").param(badgeId)
                .query((rs, n) -> new StoredImage(rs.getString("content_type"), rs.getBytes("bytes"), rs.getBoolean("uploaded")))
                .optional();
    }

    void keepGenerated(Badge badge, byte[] png, Instant now) {
        jdbc.sql("""
                        INSERT INTO badge_image (badge_id, site_id, organisation_id, content_type, bytes, uploaded, updated_at)
                        VALUES (?, ?, ?, 'image/png', ?, false, ?) ON CONFLICT (badge_id) DO NOTHING
                        """)
                .params(badge.id(), badge.siteId(), badge.organisationId(), png, Timestamp.from(now)).update();
    }

    void putUploaded(Badge badge, String contentType, byte[] bytes, Instant now) {
        jdbc.sql("""
                        INSERT INTO badge_image (badge_id, site_id, organisation_id, content_type, bytes, uploaded, updated_at)
                        VALUES (?, ?, ?, ?, ?, true, ?)
                        ON CONFLICT (badge_id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes,
                               uploaded = true, updated_at = excluded.updated_at
                        """)
                .params(badge.id(), badge.siteId(), badge.organisationId(), contentType, bytes, Timestamp.from(now)).update();
    }

    /** Forgets the generated picture (it is drawn again from the badge's new name). */
    void forgetGenerated(long badgeId) {
        jdbc.sql("DELETE FROM badge_image WHERE badge_id = ? AND NOT uploaded").param(badgeId).update();
    }

    void removeImage(long badgeId) {
        jdbc.sql("DELETE FROM badge_image WHERE badge_id = ?").param(badgeId).update();
    }

    // --- mapping

    static String pgArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        List<String> list = values == null ? List.of() : values;
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(list.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static String alignmentsJson(List<Alignment> alignments) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Alignment a : alignments == null ? List.<Alignment>of() : alignments) {
            var map = new java.util.LinkedHashMap<String, String>();
            map.put("framework", a.framework());
            map.put("code", a.code());
            map.put("name", a.name());
            map.put("url", a.url());
            out.add(map);
        }
        return Json.write(out);
    }

    static List<Alignment> alignments(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return Json.mapper().readValue(json, ALIGNMENTS).stream()
                .map(m -> new Alignment(m.get("framework"), m.get("code"), m.get("name"), m.get("url")))
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Badge badge(ResultSet rs, int row) throws SQLException {
        return new Badge(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), BadgeSource.valueOf(rs.getString("source")),
                (Long) rs.getObject("source_id"), Json.text(rs.getString("name")), Json.text(rs.getString("description")),
                Json.text(rs.getString("criteria")), strings(rs.getArray("tags")), alignments(rs.getString("alignments")),
                (Integer) rs.getObject("validity_days"), (Integer) rs.getObject("attendance_percent"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
