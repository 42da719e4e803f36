package org.learningmap.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code place_pool} and {@code enrolment}. */
@Repository
class EnrolmentStore {

    private static final String ENROLMENT = """
            SELECT id, pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source,
                   answers::text AS answers, created_at, cancelled_by, cancel_reason
              FROM enrolment
            """;
    private static final String POOL = "SELECT id, site_id, organisation_id, activity_id, session_id, capacity, confirmed FROM place_pool";

    private final JdbcClient jdbc;

    EnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- pools

    /** The accounts marked present at a session (the attendance table of enrolment.attendance). */
    List<Long> presentAt(long sessionId) {
        return jdbc.sql("SELECT account_id FROM attendance WHERE session_id = ? AND status = 'PRESENT' AND account_id IS NOT NULL ORDER BY id")
                .param(sessionId).query(Long.class).list();
    }

    Optional<PoolRow> sessionPool(long sessionId) {
        return jdbc.sql(POOL + " WHERE session_id = ?").param(sessionId).query(EnrolmentStore::pool).optional();
    }

    Optional<PoolRow> activityPool(long activityId) {
        return jdbc.sql(POOL + " WHERE activity_id = ? AND session_id IS NULL").param(activityId).query(EnrolmentStore::pool).optional();
    }

    Optional<PoolRow> pool(long poolId) {
        return jdbc.sql(POOL + " WHERE id = ?").param(poolId).query(EnrolmentStore::pool).optional();
    }

    List<PoolRow> poolsOfActivity(long activityId) {
        return jdbc.sql(POOL + " WHERE activity_id = ? ORDER BY id").param(activityId).query(EnrolmentStore::pool).list();
    }

    /** Makes the pool if it does not exist yet (two people may try at once: one wins, both read it). */
    PoolRow createPool(long siteId, long organisationId, long activityId, Long sessionId, Integer capacity) {
        String conflict = sessionId == null ? "(activity_id) WHERE session_id IS NULL" : "(session_id) WHERE session_id IS NOT NULL";
        jdbc.sql("INSERT INTO place_pool (site_id, organisation_id, activity_id, session_id, capacity) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT " + conflict + " DO NOTHING")
                .params(siteId, organisationId, activityId, sessionId, capacity).update();
        return (sessionId == null ? activityPool(activityId) : sessionPool(sessionId)).orElseThrow();
    }

    /** Follows the session's capacity, never below the places already given; true when it changed. */
    boolean syncCapacity(long poolId, Integer capacity) {
        return jdbc.sql("""
                        UPDATE place_pool SET capacity = CASE WHEN CAST(? AS int) IS NULL THEN NULL ELSE greatest(CAST(? AS int), confirmed) END
                         WHERE id = ? AND capacity IS DISTINCT FROM (CASE WHEN CAST(? AS int) IS NULL THEN NULL ELSE greatest(CAST(? AS int), confirmed) END)
                        """)
                .params(capacity, capacity, poolId, capacity, capacity).update() > 0;
    }

    /** Takes one place if one is free: the one statement that decides who gets the last place. */
    boolean takePlace(long poolId) {
        return jdbc.sql("UPDATE place_pool SET confirmed = confirmed + 1 WHERE id = ? AND (capacity IS NULL OR confirmed < capacity)")
                .param(poolId).update() == 1;
    }

    void freePlace(long poolId) {
        jdbc.sql("UPDATE place_pool SET confirmed = confirmed - 1 WHERE id = ? AND confirmed > 0").param(poolId).update();
    }

    void emptyPool(long poolId) {
        jdbc.sql("UPDATE place_pool SET confirmed = 0 WHERE id = ?").param(poolId).update();
    }

    /** Waits for everyone else's change to the pool to end, and holds it until this transaction ends. */
    void lockPool(long poolId) {
        jdbc.sql("SELECT id FROM place_pool WHERE id = ? FOR UPDATE").param(poolId).query(Long.class).single();
    }

    // --- enrolments

    /** Adds a sign-up; empty when the person already holds one in the pool or reused the key. */
    Optional<Long> insert(PoolRow pool, long accountId, EnrolmentStatus status, EnrolmentSource source, Long actedBy, String answers,
                          String idempotencyKey, String manageTokenHash, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                        INSERT INTO enrolment (pool_id, site_id, organisation_id, activity_id, session_id, account_id, status,
                                               source, acted_by, answers, idempotency_key, manage_token_hash, created_at, confirmed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING RETURNING id
                        """)
                .params(pool.id(), pool.siteId(), pool.organisationId(), pool.activityId(), pool.sessionId(), accountId, status.name(),
                        source.name(), actedBy, answers, idempotencyKey, manageTokenHash, at,
                        status == EnrolmentStatus.CONFIRMED ? at : null)
                .query(Long.class).optional();
    }

    void markConfirmed(long enrolmentId, Instant now) {
        jdbc.sql("UPDATE enrolment SET status = 'CONFIRMED', confirmed_at = ? WHERE id = ?")
                .params(Timestamp.from(now), enrolmentId).update();
    }

    /** Moves a waiting sign-up up; false when it stopped waiting meanwhile. */
    boolean promote(long enrolmentId, Instant now) {
        return jdbc.sql("UPDATE enrolment SET status = 'CONFIRMED', confirmed_at = ? WHERE id = ? AND status = 'WAITLISTED'")
                .params(Timestamp.from(now), enrolmentId).update() == 1;
    }

    Optional<Long> firstWaiting(long poolId) {
        return jdbc.sql("SELECT id FROM enrolment WHERE pool_id = ? AND status = 'WAITLISTED' ORDER BY id LIMIT 1")
                .param(poolId).query(Long.class).optional();
    }

    /** Ends a sign-up; false when it had ended already. */
    boolean cancel(long enrolmentId, CancelledBy by, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE enrolment SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                         WHERE id = ? AND status <> 'CANCELLED'
                        """)
                .params(Timestamp.from(now), by.name(), reason, enrolmentId).update() == 1;
    }

    Optional<EnrolmentRow> find(long enrolmentId) {
        return jdbc.sql(ENROLMENT + " WHERE id = ?").param(enrolmentId).query(EnrolmentStore::enrolment).optional();
    }

    Optional<EnrolmentRow> lock(long enrolmentId) {
        return jdbc.sql(ENROLMENT + " WHERE id = ? FOR UPDATE").param(enrolmentId).query(EnrolmentStore::enrolment).optional();
    }

    Optional<EnrolmentRow> byManageToken(String tokenHash) {
        return jdbc.sql(ENROLMENT + " WHERE manage_token_hash = ?").param(tokenHash).query(EnrolmentStore::enrolment).optional();
    }

    Optional<EnrolmentRow> byIdempotencyKey(long accountId, String key) {
        return jdbc.sql(ENROLMENT + " WHERE account_id = ? AND idempotency_key = ?").params(accountId, key)
                .query(EnrolmentStore::enrolment).optional();
    }

    /** The person's sign-up made with this idempotency key, and the one they hold in the pool: one query for both. */
    record Earlier(Optional<EnrolmentRow> byKey, Optional<EnrolmentRow> held) {
    }

    Earlier earlier(long accountId, String idempotencyKey, Long poolId) {
        if (idempotencyKey == null && poolId == null) {
            return new Earlier(Optional.empty(), Optional.empty());
        }
        record Found(EnrolmentRow row, boolean byKey, boolean held) {
        }
        List<Found> found = jdbc.sql("""
                        SELECT id, pool_id, site_id, organisation_id, activity_id, session_id, account_id, status, source,
                               answers::text AS answers, created_at, cancelled_by, cancel_reason,
                               coalesce(idempotency_key = CAST(:key AS text), false) AS by_key,
                               coalesce(pool_id = CAST(:pool AS bigint) AND status <> 'CANCELLED', false) AS held
                          FROM enrolment
                         WHERE account_id = :account
                           AND (idempotency_key = CAST(:key AS text) OR (pool_id = CAST(:pool AS bigint) AND status <> 'CANCELLED'))
                        """)
                .param("account", accountId).param("key", idempotencyKey).param("pool", poolId)
                .query((rs, n) -> new Found(enrolment(rs, n), rs.getBoolean("by_key"), rs.getBoolean("held"))).list();
        return new Earlier(found.stream().filter(Found::byKey).map(Found::row).findFirst(),
                found.stream().filter(Found::held).map(Found::row).findFirst());
    }

    /** The session's (or, for a course, the activity's) pool if it exists, and {@link #earlier} in that pool: one query. */
    record PoolAndEarlier(Optional<PoolRow> pool, Earlier earlier) {
    }

    PoolAndEarlier poolAndEarlier(Long sessionId, long activityId, long accountId, String idempotencyKey) {
        String which = sessionId != null ? "session_id = CAST(:session AS bigint)" : "activity_id = :activity AND session_id IS NULL";
        record Found(PoolRow pool, EnrolmentRow row, boolean byKey, boolean held) {
        }
        List<Found> found = jdbc.sql("""
                        WITH pool AS (SELECT id, site_id, organisation_id, activity_id, session_id, capacity, confirmed FROM place_pool WHERE %s)
                        SELECT p.id AS p_id, p.site_id AS p_site_id, p.organisation_id AS p_organisation_id, p.activity_id AS p_activity_id,
                               p.session_id AS p_session_id, p.capacity AS p_capacity, p.confirmed AS p_confirmed,
                               e.id, e.pool_id, e.site_id, e.organisation_id, e.activity_id, e.session_id, e.account_id, e.status, e.source,
                               e.answers::text AS answers, e.created_at, e.cancelled_by, e.cancel_reason,
                               coalesce(e.idempotency_key = CAST(:key AS text), false) AS by_key,
                               coalesce(e.pool_id = p.id AND e.status <> 'CANCELLED', false) AS held
                          FROM (SELECT 1) one
                          LEFT JOIN pool p ON true
                          LEFT JOIN enrolment e ON e.account_id = :account
                                               AND (e.idempotency_key = CAST(:key AS text) OR (e.pool_id = p.id AND e.status <> 'CANCELLED'))
                        """.formatted(which))
                .param("session", sessionId).param("activity", activityId).param("account", accountId).param("key", idempotencyKey)
                .query((rs, n) -> new Found(
                        rs.getObject("p_id") == null ? null : new PoolRow(rs.getLong("p_id"), rs.getLong("p_site_id"), rs.getLong("p_organisation_id"),
                                rs.getLong("p_activity_id"), (Long) rs.getObject("p_session_id"), (Integer) rs.getObject("p_capacity"),
                                rs.getInt("p_confirmed")),
                        rs.getObject("id") == null ? null : enrolment(rs, n), rs.getBoolean("by_key"), rs.getBoolean("held")))
                .list();
        Optional<PoolRow> pool = found.stream().map(Found::pool).filter(java.util.Objects::nonNull).findFirst();
        return new PoolAndEarlier(pool, new Earlier(
                found.stream().filter(f -> f.row() != null && f.byKey()).map(Found::row).findFirst(),
                found.stream().filter(f -> f.row() != null && f.held()).map(Found::row).findFirst()));
    }

    Optional<EnrolmentRow> activeInPool(long poolId, long accountId) {
        return jdbc.sql(ENROLMENT + " WHERE pool_id = ? AND account_id = ? AND status <> 'CANCELLED'").params(poolId, accountId)
                .query(EnrolmentStore::enrolment).optional();
    }

    List<EnrolmentRow> activeOfPoolForUpdate(long poolId) {
        return jdbc.sql(ENROLMENT + " WHERE pool_id = ? AND status <> 'CANCELLED' ORDER BY id FOR UPDATE").param(poolId)
                .query(EnrolmentStore::enrolment).list();
    }

    List<EnrolmentRow> activeOfPool(long poolId) {
        return jdbc.sql(ENROLMENT + " WHERE pool_id = ? AND status <> 'CANCELLED' ORDER BY id").param(poolId)
                .query(EnrolmentStore::enrolment).list();
    }

    List<EnrolmentRow> ofAccount(long accountId) {
        return jdbc.sql(ENROLMENT + " WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 500").param(accountId)
                .query(EnrolmentStore::enrolment).list();
    }

    List<EnrolmentRow> ofPools(List<Long> poolIds) {
        if (poolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ENROLMENT + " WHERE pool_id IN (:pools) ORDER BY pool_id, CASE status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END, id")
                .param("pools", poolIds).query(EnrolmentStore::enrolment).list();
    }

    /** 1 for the first in line. */
    int position(long poolId, long enrolmentId) {
        return jdbc.sql("SELECT count(*) FROM enrolment WHERE pool_id = ? AND status = 'WAITLISTED' AND id <= ?")
                .params(poolId, enrolmentId).query(Integer.class).single();
    }

    int waiting(long poolId) {
        return jdbc.sql("SELECT count(*) FROM enrolment WHERE pool_id = ? AND status = 'WAITLISTED'")
                .param(poolId).query(Integer.class).single();
    }

    void setManageToken(long enrolmentId, String tokenHash) {
        jdbc.sql("UPDATE enrolment SET manage_token_hash = ? WHERE id = ?").params(tokenHash, enrolmentId).update();
    }

    /** Sessions of the activity the person was present at (the table {@code attendance} of attendance rosters). */
    int sessionsAttended(long activityId, long accountId) {
        return jdbc.sql("SELECT count(DISTINCT session_id) FROM attendance WHERE activity_id = ? AND account_id = ? AND status = 'PRESENT'")
                .params(activityId, accountId).query(Integer.class).single();
    }

    private static PoolRow pool(ResultSet rs, int row) throws SQLException {
        return new PoolRow(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getLong("activity_id"),
                (Long) rs.getObject("session_id"), (Integer) rs.getObject("capacity"), rs.getInt("confirmed"));
    }

    private static EnrolmentRow enrolment(ResultSet rs, int row) throws SQLException {
        String cancelledBy = rs.getString("cancelled_by");
        return new EnrolmentRow(rs.getLong("id"), rs.getLong("pool_id"), rs.getLong("site_id"), rs.getLong("organisation_id"),
                rs.getLong("activity_id"), (Long) rs.getObject("session_id"), (Long) rs.getObject("account_id"),
                EnrolmentStatus.valueOf(rs.getString("status")), EnrolmentSource.valueOf(rs.getString("source")),
                rs.getString("answers"), rs.getTimestamp("created_at").toInstant(),
                cancelledBy == null ? null : CancelledBy.valueOf(cancelledBy), rs.getString("cancel_reason"));
    }
}
