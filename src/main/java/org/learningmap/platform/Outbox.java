package org.learningmap.platform;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Messages to send. A message is written to the outbox in the caller's transaction, so it exists
 * exactly when the change that caused it was committed; senders in {@code platform.mail} (e-mail) and
 * {@code platform.messaging} (SMS) deliver it. Most callers want {@link Notifications}, which picks
 * the channel and the language for a person.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a plain-text e-mail; returns its id. */
    public long enqueue(String recipient, String subject, String body) {
        return enqueue(recipient, subject, body, List.of());
    }

    /** Queues a plain-text e-mail with files attached (kept with the message); returns its id. */
    public long enqueue(String recipient, String subject, String body, List<Attachment> attachments) {
        long id = jdbc.sql("INSERT INTO outbox_email (recipient, subject, body) VALUES (?, ?, ?) RETURNING id")
                .params(recipient, subject, body)
                .query(Long.class)
                .single();
        int position = 0;
        for (Attachment attachment : attachments) {
            jdbc.sql("""
                            INSERT INTO outbox_email_attachment (email_id, position, filename, content_type, content)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(id, position++, attachment.filename(), attachment.contentType(), attachment.content())
                    .update();
        }
        return id;
    }

    /** Queues a short text message to a phone number; returns its id. */
    public long enqueueSms(String phone, String text) {
        return jdbc.sql("INSERT INTO outbox_sms (recipient, body) VALUES (?, ?) RETURNING id")
                .params(phone, text)
                .query(Long.class)
                .single();
    }

    /**
     * Forgets the messages of a person whose account is being deleted: every e-mail and text message
     * to their address or phone number, sent or waiting, and every message that names them (a name of
     * fewer than four letters is too common to search for). Attachments go with their message.
     */
    public void forget(String email, String phone, String name) {
        if (email != null && !email.isBlank()) {
            jdbc.sql("DELETE FROM outbox_email WHERE lower(recipient) = lower(?)").param(email).update();
        }
        if (phone != null && !phone.isBlank()) {
            jdbc.sql("DELETE FROM outbox_sms WHERE recipient = ?").param(phone).update();
        }
        if (name != null && name.strip().length() >= 4) {
            String named = name.strip().toLowerCase(java.util.Locale.ROOT);
            jdbc.sql("DELETE FROM outbox_email WHERE position(? in lower(subject || ' ' || body)) > 0").param(named).update();
            jdbc.sql("DELETE FROM outbox_sms WHERE position(? in lower(body)) > 0").param(named).update();
        }
    }
}
