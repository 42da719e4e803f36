package org.learningmap.recognition.earning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims: staff open a claim for a badge with a short code that works for a while (two hours unless
 * they choose otherwise); whoever opens its link signed in gets the badge, once. Staff can show a new
 * code (the old one stops working) or close the claim early.
 */
@Service
class BadgeClaims {

    static final Duration DEFAULT_VALID_FOR = Duration.ofHours(2);
    static final List<Integer> CHOICES_MINUTES = List.of(30, 60, 120, 240, 480);
    static final String UNKNOWN = "recognition-earning.claim.unknown";
    static final String EXPIRED = "recognition-earning.claim.expired";
    static final String CLOSED = "recognition-earning.claim.closed";

    /** A claim as staff see it. */
    record Claim(long id, long badgeId, long organisationId, Instant openedAt, Instant expiresAt, Instant closedAt, int claimed) {
        boolean open(Instant now) {
            return closedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A claim just opened, or given a new code: the code is known only now. */
    record Opened(long claimId, String code, Instant expiresAt) {
    }

    /** What a code leads to: a claim (open or not) and its badge, or nothing. */
    record Found(Claim claim, String state) {
    }

    private final JdbcClient jdbc;
    private final EarningAccess access;
    private final Recognition recognition;
    private final Accounts accounts;
    private final Clock clock;

    BadgeClaims(JdbcClient jdbc, EarningAccess access, Recognition recognition, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.recognition = recognition;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Opens a claim for the badge; staff of its organisation only. */
    @Transactional
    Opened open(long badgeId, long staffId, Integer minutes) {
        Badge badge = access.badgeToAward(badgeId, staffId);
        Duration validFor = minutes != null && CHOICES_MINUTES.contains(minutes) ? Duration.ofMinutes(minutes) : DEFAULT_VALID_FOR;
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        for (int attempt = 0; ; attempt++) {
            String code = ClaimCodes.generate();
            try {
                long id = jdbc.sql("""
                                INSERT INTO badge_claim (site_id, organisation_id, badge_id, code_hash, opened_by, opened_at, expires_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                                """)
                        .params(badge.siteId(), badge.organisationId(), badge.id(), ClaimCodes.hash(code), staffId,
                                Timestamp.from(now), Timestamp.from(expires))
                        .query(Long.class).single();
                return new Opened(id, code, expires);
            } catch (DuplicateKeyException taken) {
                if (attempt > 5) {
                    throw taken;
                }
            }
        }
    }

    /** A new code for an open claim; the one shown before stops working. */
    @Transactional
    Opened newCode(long badgeId, long claimId, long staffId) {
        Claim claim = ofBadge(badgeId, claimId, staffId);
        if (!claim.open(clock.instant())) {
            throw new RuleViolation(HttpStatus.GONE, claim.closedAt() != null ? CLOSED : EXPIRED);
        }
        String code = ClaimCodes.generate();
        jdbc.sql("UPDATE badge_claim SET code_hash = ? WHERE id = ?").params(ClaimCodes.hash(code), claimId).update();
        return new Opened(claimId, code, claim.expiresAt());
    }

    /** Closes the claim now; its code stops working. */
    @Transactional
    void close(long badgeId, long claimId, long staffId) {
        ofBadge(badgeId, claimId, staffId);
        jdbc.sql("UPDATE badge_claim SET closed_at = coalesce(closed_at, ?) WHERE id = ?")
                .params(Timestamp.from(clock.instant()), claimId).update();
    }

    /** One claim of the badge, for its staff (403 for others, 404 for a claim of another badge). */
    Claim ofBadge(long badgeId, long claimId, long staffId) {
        access.badgeToAward(badgeId, staffId);
        return find(claimId).filter(c -> c.badgeId() == badgeId).orElseThrow(RuleViolation::notFound);
    }

    /** The badge's claims that still work, newest first. */
    List<Claim> openClaims(long badgeId) {
        return jdbc.sql(SELECT + " WHERE c.badge_id = ? AND c.closed_at IS NULL AND c.expires_at > ? ORDER BY c.id DESC")
                .params(badgeId, Timestamp.from(clock.instant())).query((rs, n) -> claim(rs)).list();
    }

    /** The claim a code leads to, with its state: {@code OPEN}, {@code EXPIRED}, {@code CLOSED}; empty for an unknown code. */
    Optional<Found> lookUp(String typed) {
        Optional<String> code = ClaimCodes.normalise(typed);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE c.code_hash = ?").param(ClaimCodes.hash(code.get())).query((rs, n) -> claim(rs)).optional()
                .map(c -> new Found(c, c.closedAt() != null ? "CLOSED" : c.open(now) ? "OPEN" : "EXPIRED"));
    }

    /**
     * Gives the signed-in person the badge of the claim this code opens; claiming again gives the same award.
     *
     * @throws RuleViolation 404 {@value #UNKNOWN}; 410 {@value #EXPIRED} or {@value #CLOSED}
     */
    @Transactional
    AwardOutcome claim(String code, long accountId) {
        Found found = lookUp(code).orElseThrow(() -> new RuleViolation(HttpStatus.NOT_FOUND, UNKNOWN));
        if (!"OPEN".equals(found.state())) {
            throw new RuleViolation(HttpStatus.GONE, "CLOSED".equals(found.state()) ? CLOSED : EXPIRED);
        }
        Claim claim = found.claim();
        Optional<AccountSummary> person = accounts.byId(accountId);
        AwardOutcome outcome = recognition.award(new AwardRequest(claim.badgeId(), accountId, person.map(AccountSummary::email).orElse(null),
                person.map(AccountSummary::displayName).orElse(null), AwardPath.CLAIM, null, null, null,
                "claim:" + claim.id() + ":" + accountId));
        jdbc.sql("""
                        INSERT INTO badge_claim_use (claim_id, account_id, site_id, organisation_id, award_id, claimed_at)
                        SELECT id, ?, site_id, organisation_id, ?, ? FROM badge_claim WHERE id = ?
                        ON CONFLICT DO NOTHING
                        """)
                .params(accountId, outcome.award().id(), Timestamp.from(clock.instant()), claim.id()).update();
        return outcome;
    }

    Optional<Claim> find(long claimId) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(claimId).query((rs, n) -> claim(rs)).optional();
    }

    private static final String SELECT = """
            SELECT c.id, c.badge_id, c.organisation_id, c.opened_at, c.expires_at, c.closed_at,
                   (SELECT count(*) FROM badge_claim_use u WHERE u.claim_id = c.id) AS claimed
              FROM badge_claim c""";

    private static Claim claim(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Claim(rs.getLong("id"), rs.getLong("badge_id"), rs.getLong("organisation_id"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), closed == null ? null : closed.toInstant(), rs.getInt("claimed"));
    }
}
