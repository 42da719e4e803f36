package org.learningmap.enrolment.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets in personal calendar links. A secret is 256 random bits; only its SHA-256 is stored, so
 * the link is shown once, when it is made. Making a new link replaces the old one, which then finds nothing.
 */
@Component
class FeedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a new secret for the account, replacing any earlier one; returns the secret (to show once). */
    @Transactional
    String renew(long accountId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO personal_calendar_feed (account_id, token_hash, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET token_hash = excluded.token_hash,
                                                               created_at = excluded.created_at, last_read_at = NULL
                        """)
                .params(accountId, hash(secret), Timestamp.from(clock.instant()))
                .update();
        return secret;
    }

    /** Turns the account's link off. */
    void revoke(long accountId) {
        jdbc.sql("DELETE FROM personal_calendar_feed WHERE account_id = ?").param(accountId).update();
    }

    /** When the account's current link was made; empty when it has none. */
    Optional<Instant> madeAt(long accountId) {
        return jdbc.sql("SELECT created_at FROM personal_calendar_feed WHERE account_id = ?").param(accountId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The account whose link holds this secret; empty for anything else. */
    Optional<Long> accountOf(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE personal_calendar_feed SET last_read_at = ? WHERE token_hash = ? RETURNING account_id
                        """)
                .params(Timestamp.from(clock.instant()), hash(secret))
                .query(Long.class).optional();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
