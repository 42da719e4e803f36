package org.learningmap.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code award} and {@code award_status_allocation}. */
@Repository
class AwardStore {

    private static final String AWARD = """
            SELECT id, public_id, badge_id, site_id, organisation_id, account_id, recipient_email, recipient_name, path,
                   narrative, evidence_url, language, issued_at, expires_at, revoked_at, revocation_reason, status_index
              FROM award
            """;

    private final JdbcClient jdbc;

    AwardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the site's next position in its status list; holds the site's counter until the transaction ends. */
    int allocateStatusIndex(long siteId) {
        return jdbc.sql("""
                        INSERT INTO award_status_allocation (site_id, next_index) VALUES (?, 1)
                        ON CONFLICT (site_id) DO UPDATE SET next_index = award_status_allocation.next_index + 1
                        RETURNING next_index - 1
                        """)
                .param(siteId).query(Integer.class).single();
    }

    record NewAward(UUID publicId, Badge badge, Long accountId, String email, String name, AwardPath path, String narrative,
                    String evidenceUrl, String language, Long awardedBy, String idempotencyKey, Instant issuedAt, Instant expiresAt,
                    int statusIndex) {
    }

    /** Adds the award; empty when the key was used already or the person holds the badge already. */
    Optional<Long> insert(NewAward a) {
        return jdbc.sql("""
                        INSERT INTO award (public_id, badge_id, site_id, organisation_id, account_id, recipient_email, recipient_name,
                                           path, narrative, evidence_url, language, awarded_by, idempotency_key, issued_at, expires_at,
                                           status_index)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING RETURNING id
                        """)
                .params(a.publicId(), a.badge().id(), a.badge().siteId(), a.badge().organisationId(), a.accountId(), a.email(), a.name(),
                        a.path().name(), a.narrative(), a.evidenceUrl(), a.language(), a.awardedBy(), a.idempotencyKey(),
                        Timestamp.from(a.issuedAt()), a.expiresAt() == null ? null : Timestamp.from(a.expiresAt()), a.statusIndex())
                .query(Long.class).optional();
    }

    Optional<Award> find(long id) {
        return jdbc.sql(AWARD + " WHERE id = ?").param(id).query(AwardStore::award).optional();
    }

    Optional<Award> lock(long id) {
        return jdbc.sql(AWARD + " WHERE id = ? FOR UPDATE").param(id).query(AwardStore::award).optional();
    }

    Optional<Award> find(UUID publicId) {
        return jdbc.sql(AWARD + " WHERE public_id = ?").param(publicId).query(AwardStore::award).optional();
    }

    Optional<Award> byIdempotencyKey(String key) {
        return jdbc.sql(AWARD + " WHERE idempotency_key = ?").param(key).query(AwardStore::award).optional();
    }

    Optional<Award> heldByAccount(long badgeId, long accountId) {
        return jdbc.sql(AWARD + " WHERE badge_id = ? AND account_id = ? AND revoked_at IS NULL").params(badgeId, accountId)
                .query(AwardStore::award).optional();
    }

    Optional<Award> heldByEmail(long badgeId, String email) {
        return jdbc.sql(AWARD + " WHERE badge_id = ? AND account_id IS NULL AND lower(recipient_email) = lower(?) AND revoked_at IS NULL")
                .params(badgeId, email).query(AwardStore::award).optional();
    }

    List<Award> ofAccount(long accountId) {
        return jdbc.sql(AWARD + " WHERE account_id = ? ORDER BY issued_at DESC, id DESC LIMIT 1000").param(accountId)
                .query(AwardStore::award).list();
    }

    List<Award> ofBadge(long badgeId) {
        return jdbc.sql(AWARD + " WHERE badge_id = ? ORDER BY issued_at DESC, id DESC LIMIT 5000").param(badgeId)
                .query(AwardStore::award).list();
    }

    int countOfBadge(long badgeId) {
        return jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ? AND revoked_at IS NULL").param(badgeId)
                .query(Integer.class).single();
    }

    /** Ends the award; false when it was revoked already. */
    boolean revoke(long id, String reason, Long by, Instant now) {
        return jdbc.sql("UPDATE award SET revoked_at = ?, revocation_reason = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), reason, by, id).update() == 1;
    }

    /**
     * Gives the awards made to this e-mail address to the account, except a badge the account holds
     * already (that award stays with the address).
     */
    List<Long> attach(String email, long accountId) {
        return jdbc.sql("""
                        UPDATE award a SET account_id = ?
                         WHERE a.account_id IS NULL AND lower(a.recipient_email) = lower(?)
                           AND (a.revoked_at IS NOT NULL OR NOT EXISTS (
                                SELECT 1 FROM award b WHERE b.badge_id = a.badge_id AND b.account_id = ? AND b.revoked_at IS NULL))
                        RETURNING a.id
                        """)
                .params(accountId, email, accountId).query(Long.class).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Award award(ResultSet rs, int row) throws SQLException {
        return new Award(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("badge_id"), rs.getLong("site_id"),
                rs.getLong("organisation_id"), (Long) rs.getObject("account_id"), rs.getString("recipient_email"),
                rs.getString("recipient_name"), AwardPath.valueOf(rs.getString("path")), rs.getString("narrative"),
                rs.getString("evidence_url"), rs.getString("language"), instant(rs, "issued_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), rs.getString("revocation_reason"), rs.getInt("status_index"));
    }
}
