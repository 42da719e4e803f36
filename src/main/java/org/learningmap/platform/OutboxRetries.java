package org.learningmap.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one retry policy of every outbox table (e-mail, text messages): a row is sent or, on failure,
 * tried again after a wait that doubles from 30 s up to 6 h, at most {@value #MAX_ATTEMPTS} times.
 * The tables share the columns {@code sent_at}, {@code attempts}, {@code last_error}, {@code next_try_at}.
 */
public final class OutboxRetries {

    public static final int MAX_ATTEMPTS = 12;
    public static final int BATCH = 20;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private OutboxRetries() {
    }

    /** How long to wait after the given number of failed attempts: 30 s, 1 min, 2 min, … at most 6 h. */
    public static Duration waitAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Marks a row of {@code table} (a constant of the caller, never input) as sent. */
    public static void sent(JdbcClient jdbc, String table, long id, Instant now) {
        jdbc.sql("UPDATE " + table + " SET sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    /** Records a failed attempt and when to try again; says so in the log, as an error once it gives up. */
    public static void failed(JdbcClient jdbc, String table, String what, long id, int previousAttempts, Exception cause,
                              Instant now, Logger log) {
        int attempts = previousAttempts + 1;
        String error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        jdbc.sql("UPDATE " + table + " SET attempts = ?, last_error = ?, next_try_at = ? WHERE id = ?")
                .params(attempts, error.length() > 1000 ? error.substring(0, 1000) : error,
                        Timestamp.from(now.plus(waitAfter(attempts))), id)
                .update();
        if (attempts >= MAX_ATTEMPTS) {
            log.error("Gave up sending {} {} after {} attempts: {}", what, id, attempts, error);
        } else {
            log.warn("Could not send {} {} (attempt {}), trying again later: {}", what, id, attempts, error);
        }
    }
}
