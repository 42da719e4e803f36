package org.learningmap.platform.messaging;

import org.learningmap.platform.OutboxRetries;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the short text messages of {@code outbox_sms} through the configured {@link SmsGateway}. Any
 * node may run it: rows are claimed with {@code FOR UPDATE SKIP LOCKED}. A message is marked sent only
 * after the gateway accepted it; a failed one waits 30 s, 1 min, 2 min, … (at most 6 h) and is tried
 * again, up to {@link #MAX_ATTEMPTS} times.
 */
@Component
class SmsSender {

    static final int MAX_ATTEMPTS = OutboxRetries.MAX_ATTEMPTS;
    static final int BATCH = OutboxRetries.BATCH;

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    record Pending(long id, String recipient, String body, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SmsGateway gateway;
    private final Clock clock;

    SmsSender(JdbcClient jdbc, TransactionTemplate transaction, SmsGateway gateway, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.gateway = gateway;
        this.clock = clock;
    }

    // No scheduler lock: safe on every node at once. Each run claims its batch with FOR UPDATE SKIP LOCKED
    // and marks it sent in the same transaction, so two nodes never send the same message.
    @Scheduled(fixedDelayString = "${learningmap.sms.poll-delay:3s}", initialDelayString = "${learningmap.sms.poll-delay:3s}")
    void sendScheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Could not read the SMS outbox: {}", e.getMessage());
        }
    }

    /** Sends the messages that are due now; returns how many the gateway accepted. */
    int sendDue() {
        Integer sent = transaction.execute(status -> {
            Instant now = clock.instant();
            List<Pending> due = jdbc.sql("""
                            SELECT id, recipient, body, attempts FROM outbox_sms
                            WHERE sent_at IS NULL AND next_try_at <= :now AND attempts < :maxAttempts
                            ORDER BY next_try_at, id
                            LIMIT :batch
                            FOR UPDATE SKIP LOCKED
                            """)
                    .param("now", Timestamp.from(now))
                    .param("maxAttempts", MAX_ATTEMPTS)
                    .param("batch", BATCH)
                    .query(Pending.class)
                    .list();
            int accepted = 0;
            for (Pending message : due) {
                if (deliver(message, now)) {
                    accepted++;
                }
            }
            return accepted;
        });
        return sent == null ? 0 : sent;
    }

    private boolean deliver(Pending message, Instant now) {
        try {
            gateway.send(message.recipient(), message.body());
            OutboxRetries.sent(jdbc, "outbox_sms", message.id(), now);
            return true;
        } catch (SmsGateway.SmsNotSent | RuntimeException e) {
            OutboxRetries.failed(jdbc, "outbox_sms", "SMS", message.id(), message.attempts(), e, now, log);
            return false;
        }
    }
}
