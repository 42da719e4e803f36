package org.learningmap.enrolment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.learningmap.platform.QrCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal check-in passes. Each person has one short code, made the first time it is asked for,
 * shown as a QR in their account and on printed cards; staff scan or type it on a session's roster
 * to mark the person present. The code says nothing about the person by itself.
 */
@Service
public class CheckInPasses {

    /** Letters and digits nobody confuses when reading aloud or typing: no 0/O, 1/I/L. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CheckInPasses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's pass, made now if they have none yet. The account must exist. */
    @Transactional
    public CheckInPass passFor(long accountId) {
        String code = codeOf(accountId);
        return new CheckInPass(accountId, display(code), QrCodes.svg(display(code)));
    }

    /** The pass's QR code as a PNG about {@code pixels} wide, for documents that need a bitmap (a printed card). */
    @Transactional
    public byte[] qrPng(long accountId, int pixels) {
        return QrCodes.png(display(codeOf(accountId)), Math.clamp(pixels, 64, 2048));
    }

    /** Whose pass a scanned or typed code is; spaces, dashes and letter case do not matter. */
    public Optional<Long> holderOf(String typed) {
        String code = normalise(typed);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT account_id FROM check_in_pass WHERE code = ?").param(code).query(Long.class).optional();
    }

    /** A typed code in its stored form: capitals, without spaces or dashes. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private String codeOf(long accountId) {
        Optional<String> existing = jdbc.sql("SELECT code FROM check_in_pass WHERE account_id = ?").param(accountId)
                .query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = newCode();
            int made = jdbc.sql("""
                            INSERT INTO check_in_pass (account_id, code, created_at) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING
                            """)
                    .params(accountId, code, Timestamp.from(clock.instant())).update();
            Optional<String> now = jdbc.sql("SELECT code FROM check_in_pass WHERE account_id = ?").param(accountId)
                    .query(String.class).optional();
            if (made == 1 || now.isPresent()) {
                return now.orElse(code);
            }
        }
        throw new IllegalStateException("Could not make a unique check-in code");
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
