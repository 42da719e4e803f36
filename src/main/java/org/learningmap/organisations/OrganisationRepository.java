package org.learningmap.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = """
            id, site_id, slug, kind, name, description, email, phone, website, verified, status,
            decision_reason, decided_at, decided_by, created_at
            """;

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?").param(id)
                .query(OrganisationRepository::organisation).optional();
    }

    /** Reads the organisation and holds its row until the transaction ends, so staff changes happen one at a time. */
    Optional<Organisation> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ? FOR UPDATE").param(id)
                .query(OrganisationRepository::organisation).optional();
    }

    boolean slugTaken(long siteId, String slug) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE site_id = ? AND slug = ?)")
                .params(siteId, slug).query(Boolean.class).single();
    }

    long insert(long siteId, String slug, OrganisationProfile profile, Instant now) {
        return jdbc.sql("""
                        INSERT INTO organisation (site_id, slug, kind, name, description, email, phone, website, status, created_at)
                        VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, 'PENDING', ?) RETURNING id
                        """)
                .params(siteId, slug, profile.kind().name(), Json.json(profile.name()), Json.json(profile.description()),
                        profile.email(), profile.phone(), profile.website(), Timestamp.from(now))
                .query(Long.class).single();
    }

    void updateProfile(long id, OrganisationProfile profile) {
        jdbc.sql("""
                        UPDATE organisation SET kind = ?, name = ?::jsonb, description = ?::jsonb, email = ?, phone = ?, website = ?
                        WHERE id = ?
                        """)
                .params(profile.kind().name(), Json.json(profile.name()), Json.json(profile.description()), profile.email(),
                        profile.phone(), profile.website(), id)
                .update();
    }

    /** Records a decision only while the application is still pending; false when someone decided first. */
    boolean decide(long id, OrganisationStatus decision, String reason, boolean verified, long decidedBy, Instant at) {
        return jdbc.sql("""
                        UPDATE organisation SET status = ?, decision_reason = ?, verified = ?, decided_by = ?, decided_at = ?
                        WHERE id = ? AND status = 'PENDING'
                        """)
                .params(decision.name(), reason, verified, decidedBy, Timestamp.from(at), id)
                .update() == 1;
    }

    List<Organisation> pending(long siteId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE site_id = ? AND status = 'PENDING' ORDER BY created_at, id")
                .param(siteId).query(OrganisationRepository::organisation).list();
    }

    List<Organisation> recentlyDecided(long siteId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM organisation WHERE site_id = ? AND status <> 'PENDING'
                        ORDER BY decided_at DESC NULLS LAST, id DESC LIMIT ?
                        """)
                .params(siteId, limit).query(OrganisationRepository::organisation).list();
    }

    List<Organisation> approved(long siteId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM organisation WHERE site_id = ? AND status = 'APPROVED'
                        ORDER BY lower(coalesce(name ->> 'en', name ->> 'lt', name ->> 'uk', slug)), id OFFSET ? LIMIT ?
                        """)
                .params(siteId, offset, limit).query(OrganisationRepository::organisation).list();
    }

    long countApproved(long siteId) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE site_id = ? AND status = 'APPROVED'")
                .param(siteId).query(Long.class).single();
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Organisation(rs.getLong("id"), rs.getLong("site_id"), rs.getString("slug"),
                OrganisationKind.valueOf(rs.getString("kind")), Json.text(rs.getString("name")),
                Json.text(rs.getString("description")), rs.getString("email"), rs.getString("phone"),
                rs.getString("website"), rs.getBoolean("verified"), OrganisationStatus.valueOf(rs.getString("status")),
                rs.getString("decision_reason"), decidedAt == null ? null : decidedAt.toInstant(),
                (Long) rs.getObject("decided_by"), rs.getTimestamp("created_at").toInstant());
    }
}
