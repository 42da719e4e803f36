package org.learningmap.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.learningmap.catalogue.CalendarFile;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.platform.Attachment;
import org.learningmap.platform.Notifications;
import org.learningmap.platform.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The outbox delivered to a real SMTP server (GreenMail on the test profile's mail port). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxSenderTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    Notifications notifications;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.mail.port}")
    int smtpPort;

    GreenMail smtp;

    record Row(Timestamp sentAt, int attempts, String lastError, Timestamp nextTryAt) {
    }

    private GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private Row row(long id) {
        return jdbc.sql("SELECT sent_at, attempts, last_error, next_try_at FROM outbox_email WHERE id = ?").param(id).query(Row.class).single();
    }

    private static String recipient() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getAddressList(uncheck(message)).contains(recipient))
                .toList();
    }

    private static jakarta.mail.Address[] uncheck(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part of a message, however deep it is nested. */
    private static String plainText(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") && part.getFileName() == null) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String text = plainText(nested);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
        }
        return "";
    }

    @Test
    void aQueuedMessageIsDeliveredOnceWithItsLettersIntact() throws Exception {
        startSmtp();
        String to = recipient();
        long id = outbox.enqueue(to, "Slaptažodis – пароль", "Sveiki, Ona!\nПривіт!");

        sender.sendDue();
        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        List<MimeMessage> received = receivedBy(to);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Slaptažodis – пароль");
        assertThat(((String) received.getFirst().getContent()).replace("\r\n", "\n").strip()).isEqualTo("Sveiki, Ona!\nПривіт!");
        assertThat(row(id).sentAt()).isNotNull();
        assertThat(row(id).attempts()).isZero();
    }

    @Test
    void aMessageSentAgainAfterACrashCarriesTheSameMessageIdSoTheCopyIsKnown() throws Exception {
        startSmtp();
        String to = recipient();
        long id = outbox.enqueue(to, "Your place", "See you on Monday.");
        sender.sendDue();
        // A node that stopped after the mail server accepted the message but before its commit leaves the row unsent.
        jdbc.sql("UPDATE outbox_email SET sent_at = NULL WHERE id = ?").param(id).update();
        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        List<MimeMessage> received = receivedBy(to);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getMessageID()).startsWith("<outbox-" + id + ".").endsWith("@learningmap.local>")
                .isEqualTo(received.get(1).getMessageID());
        long other = outbox.enqueue(to, "Another", "Another message.");
        sender.sendDue();
        assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
        assertThat(receivedBy(to).get(2).getMessageID()).startsWith("<outbox-" + other + ".");
    }

    @Test
    void anInvitationArrivesAsACalendarFileACalendarCanRead() throws Exception {
        startSmtp();
        String to = recipient();
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Learning Map//Test//EN", "METHOD:PUBLISH",
                "BEGIN:VEVENT", "UID:session-1@example.net", "DTSTAMP:20261205T100000Z", "DTSTART:20261210T150000Z",
                "DTEND:20261210T163000Z", "SUMMARY:Robotika – робототехніка", "END:VEVENT", "END:VCALENDAR", "");
        outbox.enqueue(to, "Invitation", "See you there.", List.of(Attachment.calendar("session-1.ics", ics)));

        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = receivedBy(to).getFirst();
        Multipart parts = (Multipart) received.getContent();
        BodyPart file = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if ("session-1.ics".equals(parts.getBodyPart(i).getFileName())) {
                file = parts.getBodyPart(i);
            }
        }
        assertThat(file).as("the .ics part").isNotNull();
        assertThat(file.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
        Calendar calendar = new CalendarBuilder().build(file.getInputStream());
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Robotika – робототехніка");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("session-1@example.net");
        assertThat(plainText(received.getContent())).contains("See you there.");
    }

    @Test
    void aPersonGetsAnInvitationInUkrainianWithTheSessionForTheirCalendar() throws Exception {
        startSmtp();
        String to = recipient();
        long session = jdbc.sql("""
                        SELECT s.id FROM session s JOIN activity a ON a.id = s.activity_id
                        WHERE a.status = 'PUBLISHED' AND s.status = 'SCHEDULED' AND s.starts_at > now() AND a.title ->> 'uk' IS NOT NULL
                        ORDER BY s.id LIMIT 1""").query(Long.class).single();
        String ukrainianTitle = jdbc.sql("SELECT a.title ->> 'uk' FROM session s JOIN activity a ON a.id = s.activity_id WHERE s.id = ?")
                .param(session).query(String.class).single();
        CalendarFile file = catalogue.sessionCalendar(session, "uk", false).orElseThrow();
        // The texts of this message live in src/test/resources/i18n/notifications-test.
        Notifications.Message message = Notifications.Message.of("test-notice.subject", "test-notice.body", "test-notice.sms", ukrainianTitle, "Петро")
                .with(new Attachment(file.filename(), file.contentType(), file.content()));

        notifications.send(new Notifications.Recipient(to, "+380501234567", "uk", Notifications.Channel.EMAIL), message);
        sender.sendDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = receivedBy(to).getFirst();
        assertThat(received.getSubject()).isEqualTo("Ваше місце: " + ukrainianTitle);
        assertThat(plainText(received.getContent())).startsWith("Вітаємо, Петро,");
        Multipart parts = (Multipart) received.getContent();
        BodyPart calendarPart = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (file.filename().equals(parts.getBodyPart(i).getFileName())) {
                calendarPart = parts.getBodyPart(i);
            }
        }
        assertThat(calendarPart).isNotNull();
        Calendar calendar = new CalendarBuilder().build(calendarPart.getInputStream());
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo(ukrainianTitle);
        assertThat(event.getUid().orElseThrow().getValue()).startsWith("session-" + session + "@");
    }

    @Test
    void whenTheMailServerIsDownTheMessageWaitsLongerAfterEachFailureAndIsSentWhenItIsBack() throws Exception {
        String to = recipient();
        long id = outbox.enqueue(to, "Retry", "Body");

        Instant before = Instant.now();
        sender.sendDue();
        Row failed = row(id);
        assertThat(failed.sentAt()).isNull();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(Duration.between(before, failed.nextTryAt().toInstant()))
                .isBetween(Duration.ofSeconds(30).minusSeconds(2), Duration.ofSeconds(30).plusSeconds(5));

        // Not due yet: nothing is tried.
        sender.sendDue();
        assertThat(row(id).attempts()).isEqualTo(1);

        // Time passes, the server is still down: the next wait is twice as long.
        jdbc.sql("UPDATE outbox_email SET next_try_at = now() - interval '1 second' WHERE id = ?").param(id).update();
        Instant secondTry = Instant.now();
        sender.sendDue();
        Row failedAgain = row(id);
        assertThat(failedAgain.attempts()).isEqualTo(2);
        assertThat(Duration.between(secondTry, failedAgain.nextTryAt().toInstant()))
                .isBetween(Duration.ofSeconds(30).multipliedBy(2).minusSeconds(2), Duration.ofSeconds(30).multipliedBy(2).plusSeconds(5));

        startSmtp();
        jdbc.sql("UPDATE outbox_email SET next_try_at = now() - interval '1 second' WHERE id = ?").param(id).update();
        sender.sendDue();
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(receivedBy(to)).hasSize(1);
        Row sent = row(id);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAndKeepsItsLastError() {
        String to = recipient();
        long id = outbox.enqueue(to, "Never", "Body");
        jdbc.sql("UPDATE outbox_email SET attempts = ?, next_try_at = now() - interval '1 second' WHERE id = ?")
                .params(OutboxSender.MAX_ATTEMPTS - 1, id).update();
        sender.sendDue();
        assertThat(row(id).attempts()).isEqualTo(OutboxSender.MAX_ATTEMPTS);

        jdbc.sql("UPDATE outbox_email SET next_try_at = now() - interval '1 second' WHERE id = ?").param(id).update();
        sender.sendDue();
        assertThat(row(id).attempts()).isEqualTo(OutboxSender.MAX_ATTEMPTS);
        assertThat(row(id).lastError()).isNotBlank();
    }

    @Test
    void theWaitDoublesFromHalfAMinuteUpToSixHours() {
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(10)).isEqualTo(Duration.ofSeconds(30 * 512));
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(11)).isEqualTo(Duration.ofHours(6));
        assertThat(org.learningmap.platform.OutboxRetries.waitAfter(1000)).isEqualTo(Duration.ofHours(6));
    }
}
