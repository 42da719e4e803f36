package org.learningmap.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * E-mail to send. A message is written to the outbox in the caller's transaction, so it exists
 * exactly when the change that caused it was committed; {@code OutboxSender} delivers it.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a plain-text e-mail; returns its id. */
    public long enqueue(String recipient, String subject, String body) {
        return jdbc.sql("INSERT INTO outbox_email (recipient, subject, body) VALUES (?, ?, ?) RETURNING id")
                .params(recipient, subject, body)
                .query(Long.class)
                .single();
    }
}
