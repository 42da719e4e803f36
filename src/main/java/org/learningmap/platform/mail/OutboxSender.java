package org.learningmap.platform.mail;

import org.learningmap.platform.OutboxRetries;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP. Every node runs it: rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so two nodes never send the same message at the same time. A message is marked sent
 * only after the mail server accepted it, so a crash in between sends it again rather than never.
 * Files attached to a message ({@code outbox_email_attachment}) travel as MIME parts of their own type.
 * A failed message is tried again later, each time waiting twice as long, up to {@link #MAX_ATTEMPTS}.
 * Every message carries a Message-ID made from its outbox row ({@link #messageId}), the same at every
 * attempt: a message sent again after a crash between the mail server's acceptance and the commit is
 * the same message to the mail server and to the recipient's mail program, which can drop the copy.
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = OutboxRetries.MAX_ATTEMPTS;
    static final int BATCH = OutboxRetries.BATCH;

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    record Pending(long id, String recipient, String subject, String body, int attempts, Timestamp createdAt) {
    }

    record StoredAttachment(String filename, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender mailSender;
    private final Clock clock;
    private final String from;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transaction, JavaMailSender mailSender, Clock clock,
                 @Value("${learningmap.mail.from}") String from) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    // No scheduler lock: safe on every node at once. Each run claims its batch with FOR UPDATE SKIP LOCKED
    // and marks it sent in the same transaction, so two nodes never send the same message.
    @Scheduled(fixedDelayString = "${learningmap.mail.poll-delay:3s}", initialDelayString = "${learningmap.mail.poll-delay:3s}")
    void sendScheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Could not read the e-mail outbox: {}", e.getMessage());
        }
    }

    /** Sends the messages that are due now; returns how many the mail server accepted. */
    int sendDue() {
        Integer sent = transaction.execute(status -> {
            Instant now = clock.instant();
            List<Pending> due = jdbc.sql("""
                            SELECT id, recipient, subject, body, attempts, created_at FROM outbox_email
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
            mailSender.send(toMime(message, now));
            OutboxRetries.sent(jdbc, "outbox_email", message.id(), now);
            return true;
        } catch (MailException | MessagingException e) {
            OutboxRetries.failed(jdbc, "outbox_email", "e-mail", message.id(), message.attempts(), e, now, log);
            return false;
        }
    }

    /**
     * The Message-ID of an outbox row: its id and the moment it was queued (so a database started afresh,
     * whose ids begin again at 1, never repeats an earlier one) at the sender's domain.
     */
    static String messageId(long id, Instant createdAt, String from) {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<'))) : from;
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1).strip() : "learningmap.local";
        return "<outbox-" + id + "." + createdAt.toEpochMilli() + "@" + domain + ">";
    }

    private MimeMessage toMime(Pending message, Instant now) throws MessagingException {
        List<StoredAttachment> attachments = jdbc.sql("""
                        SELECT filename, content_type, content FROM outbox_email_attachment
                        WHERE email_id = ? ORDER BY position""")
                .param(message.id())
                .query(StoredAttachment.class)
                .list();
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, !attachments.isEmpty(), StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        helper.setSentDate(Date.from(now));
        // Spring keeps a Message-ID that is set before sending instead of making a random one.
        mime.setHeader("Message-ID", messageId(message.id(), message.createdAt().toInstant(), from));
        for (StoredAttachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayDataSource(attachment.content(), attachment.contentType()));
        }
        return mime;
    }
}
