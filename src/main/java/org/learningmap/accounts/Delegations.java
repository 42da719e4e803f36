package org.learningmap.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegated access: a learner lets a person they trust (a relative, a social worker) manage their
 * bookings, until a date at most a year ahead or until they revoke it. Other modules ask
 * {@link #mayActFor} before acting on someone's behalf and {@link #record} what they did; the
 * learner sees every entry. Grants and revocations are logged too.
 */
@Service
public class Delegations {

    public static final Duration LONGEST = Duration.ofDays(366);
    static final String NOT_FOUND = "trusted.not-found";
    static final String SELF = "trusted.self";
    static final String ALREADY = "trusted.already";
    static final String UNTIL_INVALID = "trusted.until-invalid";
    static final int MAX_DETAIL = 500;

    /** A grant, seen by the person who made it or by the trusted person. */
    public record Grant(long id, long personId, String personName, long trustedId, String trustedName, Instant grantedAt,
                        Instant validUntil, Instant revokedAt) {

        public boolean activeAt(Instant now) {
            return revokedAt == null && validUntil.isAfter(now);
        }
    }

    /** Something done on a person's behalf, or a grant or revocation. */
    public record LogEntry(Instant at, String actorName, String action, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Delegations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the actor may now manage the person's bookings: they are the person, or hold a live grant. */
    public boolean mayActFor(long actorId, long personId) {
        if (actorId == personId) {
            return true;
        }
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM delegation
                                       WHERE person_id = ? AND trusted_id = ? AND revoked_at IS NULL AND valid_until > ?)
                        """)
                .params(personId, actorId, Timestamp.from(clock.instant()))
                .query(Boolean.class)
                .single();
    }

    /**
     * Logs what the actor did on the person's behalf, e.g. {@code record(helper, learner,
     * "enrolment.enrolled", "Computer basics, 12 May 10:00")}. The action is a short code (a message
     * key when there is one); the detail is free text for the person to read.
     *
     * @throws RuleViolation forbidden when the actor may not act for the person
     */
    @Transactional
    public void record(long actorId, long personId, String action, String detail) {
        if (actorId == personId) {
            return;
        }
        if (!mayActFor(actorId, personId)) {
            throw RuleViolation.forbidden();
        }
        long siteId = jdbc.sql("""
                        SELECT site_id FROM delegation
                        WHERE person_id = ? AND trusted_id = ? AND revoked_at IS NULL AND valid_until > ?
                        ORDER BY granted_at DESC LIMIT 1
                        """)
                .params(personId, actorId, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        log(personId, actorId, siteId, action, detail);
    }

    /** Every grant the person made, newest first. */
    public List<Grant> grantsBy(long personId) {
        return grants("d.person_id = ?", personId);
    }

    /** Every grant made to the trusted person, newest first. */
    public List<Grant> grantsTo(long trustedId) {
        return grants("d.trusted_id = ?", trustedId);
    }

    /** The person's log: what was done on their behalf, and every grant and revocation, newest first. */
    public List<LogEntry> log(long personId) {
        return jdbc.sql("SELECT at, actor_name, action, detail FROM delegation_log WHERE person_id = ? ORDER BY at DESC, id DESC LIMIT 500")
                .param(personId)
                .query((rs, n) -> new LogEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor_name"),
                        rs.getString("action"), rs.getString("detail")))
                .list();
    }

    /**
     * The person trusts the account with this e-mail address or phone number (already in E.164)
     * until the given moment.
     *
     * @throws RuleViolation {@value #NOT_FOUND}, {@value #SELF}, {@value #ALREADY} or {@value #UNTIL_INVALID}
     */
    @Transactional
    Grant grant(long personId, long siteId, String email, String phone, Instant until) {
        Instant now = clock.instant();
        if (!until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
            throw RuleViolation.badRequest(UNTIL_INVALID);
        }
        Optional<Long> trusted = email != null
                ? jdbc.sql("SELECT id FROM account WHERE lower(email) = lower(?) AND enabled").param(email).query(Long.class).optional()
                : jdbc.sql("SELECT id FROM account WHERE phone = ? AND enabled").param(phone).query(Long.class).optional();
        long trustedId = trusted.orElseThrow(() -> RuleViolation.badRequest(NOT_FOUND));
        if (trustedId == personId) {
            throw RuleViolation.badRequest(SELF);
        }
        if (mayActFor(trustedId, personId)) {
            throw new RuleViolation(ALREADY);
        }
        long id = jdbc.sql("""
                        INSERT INTO delegation (person_id, trusted_id, site_id, granted_at, valid_until)
                        VALUES (?, ?, ?, ?, ?) RETURNING id
                        """)
                .params(personId, trustedId, siteId, Timestamp.from(now), Timestamp.from(until))
                .query(Long.class)
                .single();
        log(personId, personId, siteId, "trusted.log.granted", name(trustedId));
        return grantsBy(personId).stream().filter(grant -> grant.id() == id).findFirst().orElseThrow();
    }

    /** The person ends a grant at once; ending it twice changes nothing. */
    @Transactional
    void revoke(long personId, long grantId) {
        Instant now = clock.instant();
        Optional<Long> trusted = jdbc.sql("""
                        UPDATE delegation SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL
                        RETURNING trusted_id
                        """)
                .params(Timestamp.from(now), grantId, personId)
                .query(Long.class)
                .optional();
        if (trusted.isEmpty()) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM delegation WHERE id = ? AND person_id = ?)")
                    .params(grantId, personId).query(Boolean.class).single();
            if (!exists) {
                throw RuleViolation.notFound();
            }
            return;
        }
        long siteId = jdbc.sql("SELECT site_id FROM delegation WHERE id = ?").param(grantId).query(Long.class).single();
        log(personId, personId, siteId, "trusted.log.revoked", name(trusted.get()));
    }

    private void log(long personId, long actorId, long siteId, String action, String detail) {
        String text = detail == null ? null : detail.strip();
        if (text != null && text.length() > MAX_DETAIL) {
            text = text.substring(0, MAX_DETAIL);
        }
        jdbc.sql("""
                        INSERT INTO delegation_log (person_id, actor_id, actor_name, site_id, action, detail, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(personId, actorId, name(actorId), siteId, action, text, Timestamp.from(clock.instant()))
                .update();
    }

    private String name(long accountId) {
        return jdbc.sql("SELECT display_name FROM account WHERE id = ?").param(accountId).query(String.class).optional().orElse("—");
    }

    private List<Grant> grants(String condition, long id) {
        return jdbc.sql("""
                        SELECT d.*, p.display_name AS person_name, t.display_name AS trusted_name
                        FROM delegation d JOIN account p ON p.id = d.person_id JOIN account t ON t.id = d.trusted_id
                        WHERE %s
                        ORDER BY d.granted_at DESC, d.id DESC
                        """.formatted(condition))
                .param(id)
                .query(Delegations::grant)
                .list();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Grant(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"), rs.getLong("trusted_id"),
                rs.getString("trusted_name"), rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("valid_until").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
