package org.learningmap.assessment;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.organisations.Organisations;
import org.learningmap.organisations.StaffRole;
import org.learningmap.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Supervised group sittings: an educator of an organisation opens one, people join it with its code,
 * and their results are marked as taken under supervision. Only staff of the organisation see or close it.
 */
@Service
class Sittings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    record Sitting(long id, long siteId, long organisationId, String code, CheckKind kind, String place, Instant openedAt,
                   Instant closedAt) {
        public boolean open() {
            return closedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;

    Sittings(JdbcClient jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    boolean canRunSittings(long accountId, long organisationId) {
        return organisations.hasRole(accountId, organisationId, StaffRole.EDUCATOR);
    }

    Sitting openSitting(long accountId, long organisationId, CheckKind kind, String place) {
        requireStaff(accountId, organisationId);
        long siteId = organisations.siteOf(organisationId).orElseThrow(RuleViolation::notFound);
        String code = code();
        long id = jdbc.sql("""
                        INSERT INTO assessment_sitting (site_id, organisation_id, code, kind, place, opened_by, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(siteId, organisationId, code, kind.name(), place == null ? "" : place.strip(), accountId,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    void close(long accountId, long sittingId) {
        Sitting sitting = visibleTo(accountId, sittingId);
        jdbc.sql("UPDATE assessment_sitting SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(Timestamp.from(clock.instant()), sitting.id()).update();
    }

    Sitting visibleTo(long accountId, long sittingId) {
        Sitting sitting = find(sittingId).orElseThrow(RuleViolation::notFound);
        requireStaff(accountId, sitting.organisationId());
        return sitting;
    }

    List<Sitting> ofOrganisation(long accountId, long organisationId) {
        requireStaff(accountId, organisationId);
        return jdbc.sql("SELECT * FROM assessment_sitting WHERE organisation_id = ? ORDER BY opened_at DESC LIMIT 20")
                .param(organisationId).query(Sittings::sitting).list();
    }

    Optional<Sitting> openByCode(long siteId, String code) {
        return jdbc.sql("SELECT * FROM assessment_sitting WHERE site_id = ? AND code = ? AND closed_at IS NULL")
                .params(siteId, code).query(Sittings::sitting).optional();
    }

    Optional<Sitting> find(long id) {
        return jdbc.sql("SELECT * FROM assessment_sitting WHERE id = ?").param(id).query(Sittings::sitting).optional();
    }

    private void requireStaff(long accountId, long organisationId) {
        if (!canRunSittings(accountId, organisationId)) {
            throw RuleViolation.forbidden();
        }
    }

    private static String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return code.toString();
    }

    private static Sitting sitting(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Sitting(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("organisation_id"), rs.getString("code"),
                CheckKind.valueOf(rs.getString("kind")), rs.getString("place"), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
