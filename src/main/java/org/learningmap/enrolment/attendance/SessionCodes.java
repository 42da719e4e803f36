package org.learningmap.enrolment.attendance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.learningmap.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The short-lived code of a session's check-in QR: the session, a two-minute time window and an
 * HMAC of both with a key from configuration ({@code learningmap.attendance.check-in-key}). A code
 * is accepted in its own window and the next, so it stays valid for two to four minutes; one
 * shown on the staff phone is replaced every 30 seconds.
 */
@Component
class SessionCodes {

    static final Duration WINDOW = Duration.ofMinutes(2);
    static final String EXPIRED = "attendance.code.expired";
    static final String INVALID = "attendance.code.invalid";

    private static final Logger log = LoggerFactory.getLogger(SessionCodes.class);
    private static final Pattern FORMAT = Pattern.compile("([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-f]{16})");

    private final byte[] key;
    private final Clock clock;

    SessionCodes(@Value("${learningmap.attendance.check-in-key:}") String configuredKey, Clock clock) {
        this.clock = clock;
        if (configuredKey == null || configuredKey.isBlank()) {
            log.warn("No learningmap.attendance.check-in-key configured: session check-in codes use a random key "
                    + "and stop working when this node restarts (and on other nodes).");
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = configuredKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The code valid now for the session. */
    String current(long sessionId) {
        return codeFor(sessionId, window(clock.instant()));
    }

    /** The session a code belongs to, if it is genuine and not expired; otherwise a rule says which. */
    long sessionOf(String code) {
        Matcher m = FORMAT.matcher(code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw RuleViolation.badRequest(INVALID);
        }
        long sessionId;
        long window;
        try {
            sessionId = Long.parseLong(m.group(1), 36);
            window = Long.parseLong(m.group(2), 36);
        } catch (NumberFormatException e) {
            throw RuleViolation.badRequest(INVALID);
        }
        byte[] expected = mac(sessionId, window).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw RuleViolation.badRequest(INVALID);
        }
        long now = window(clock.instant());
        if (window > now) {
            throw RuleViolation.badRequest(INVALID);
        }
        if (window < now - 1) {
            throw new RuleViolation(HttpStatus.GONE, EXPIRED);
        }
        return sessionId;
    }

    String codeFor(long sessionId, long window) {
        return Long.toString(sessionId, 36) + "-" + Long.toString(window, 36) + "-" + mac(sessionId, window);
    }

    static long window(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), WINDOW.toSeconds());
    }

    private String mac(long sessionId, long window) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = hmac.doFinal(("session-check-in:" + sessionId + ":" + window).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
