package org.learningmap.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short codes printed on a card with which a person made at a desk takes over their account: eight
 * characters of an alphabet without look-alikes (no 0/O, 1/I/L), written {@code ABCD-EFGH}. Only
 * the SHA-256 hash is kept. A code works once and for {@link #VALID_FOR}; issuing a new code ends
 * every earlier one. Guessing is slowed by the per-address limit on the claim form.
 */
@Component
class ClaimCodes {

    static final Duration VALID_FOR = Duration.ofDays(60);
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ClaimCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh code for the account; earlier open codes stop working. */
    ClaimCode issue(long accountId, long siteId, Long issuedBy) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE claim_code SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), accountId)
                .update();
        String code = generate();
        Instant expires = now.plus(VALID_FOR);
        jdbc.sql("""
                        INSERT INTO claim_code (code_hash, account_id, site_id, issued_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(Secrets.hash(code), accountId, siteId, issuedBy, Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new ClaimCode(display(code), expires);
    }

    /** Whether the account has a code that still works (not used, not expired). */
    boolean open(long accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM claim_code WHERE account_id = ? AND used_at IS NULL AND expires_at > ?)")
                .params(accountId, Timestamp.from(clock.instant()))
                .query(Boolean.class)
                .single();
    }

    /** Whether this code, as typed, is the account's and still works; it is not used up by asking. */
    boolean open(long accountId, String typed) {
        Optional<String> code = normalise(typed);
        return code.isPresent() && jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM claim_code
                                       WHERE account_id = ? AND code_hash = ? AND used_at IS NULL AND expires_at > ?)
                        """)
                .params(accountId, Secrets.hash(code.get()), Timestamp.from(clock.instant()))
                .query(Boolean.class)
                .single();
    }

    /** Uses the code, once: the account it was for, or empty when it is unknown, used or expired. */
    Optional<Long> use(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE claim_code SET used_at = ?
                        WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING account_id
                        """)
                .params(Timestamp.from(now), Secrets.hash(code.get()), Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /** The code as typed, without separators or case, if it can be a code at all. */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
