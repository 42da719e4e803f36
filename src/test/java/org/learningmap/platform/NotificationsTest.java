package org.learningmap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.Notifications.Channel;
import org.learningmap.platform.Notifications.Message;
import org.learningmap.platform.Notifications.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A person is told things in their own language, by the channel they prefer when they can be reached by it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationsTest {

    // The texts of this test live in src/test/resources/i18n/notifications-test.
    static final Message PLACE_CONFIRMED = Message.of("test-notice.subject", "test-notice.body", "test-notice.sms", "Robotika", "Ona");

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;

    private static String email() {
        return "notice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    private static String phone() {
        return "+3706" + (1_000_000 + (long) (Math.random() * 8_000_000));
    }

    @Test
    void theMessageIsWrittenInTheRecipientsLanguage() {
        assertThat(notifications.render(PLACE_CONFIRMED, "lt").subject()).isEqualTo("Jūsų vieta: Robotika");
        assertThat(notifications.render(PLACE_CONFIRMED, "lt").body()).isEqualTo("Sveiki, Ona,\njūsų vieta užsiėmime „Robotika“ patvirtinta.");
        assertThat(notifications.render(PLACE_CONFIRMED, "uk").subject()).isEqualTo("Ваше місце: Robotika");
        assertThat(notifications.render(PLACE_CONFIRMED, "uk").sms()).isEqualTo("Місце на занятті «Robotika» підтверджено.");
        assertThat(notifications.render(PLACE_CONFIRMED, "en").body()).isEqualTo("Hello Ona,\nyour place at Robotika is confirmed.");
        assertThat(notifications.render(PLACE_CONFIRMED, "de").subject()).as("a language without texts falls back to English")
                .isEqualTo("Your place at Robotika");
    }

    @Test
    void anEmailInUkrainianIsQueuedWithItsAttachment() {
        String email = email();
        Message withInvitation = PLACE_CONFIRMED.with(Attachment.calendar("session.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));

        Optional<Channel> channel = notifications.send(new Recipient(email, phone(), "uk", Channel.EMAIL), withInvitation);

        assertThat(channel).contains(Channel.EMAIL);
        assertThat(jdbc.sql("SELECT subject FROM outbox_email WHERE recipient = ?").param(email).query(String.class).single())
                .isEqualTo("Ваше місце: Robotika");
        assertThat(jdbc.sql("""
                        SELECT a.content_type FROM outbox_email_attachment a JOIN outbox_email e ON e.id = a.email_id
                        WHERE e.recipient = ?""").param(email).query(String.class).single())
                .isEqualTo("text/calendar; charset=UTF-8; method=PUBLISH");
    }

    @Test
    void someoneWhoPrefersTextMessagesGetsTheShortTextInLithuanian() {
        String phone = phone();
        Optional<Channel> channel = notifications.send(new Recipient(email(), phone, "lt", Channel.SMS), PLACE_CONFIRMED);

        assertThat(channel).contains(Channel.SMS);
        assertThat(jdbc.sql("SELECT body FROM outbox_sms WHERE recipient = ?").param(phone).query(String.class).single())
                .isEqualTo("Vieta užsiėmime „Robotika“ patvirtinta.");
    }

    @Test
    void theChannelFallsBackToWhatThePersonHas() {
        assertThat(Notifications.channelFor(new Recipient(null, "+37061111111", "lt", Channel.EMAIL))).contains(Channel.SMS);
        assertThat(Notifications.channelFor(new Recipient("a@example.net", null, "lt", Channel.SMS))).contains(Channel.EMAIL);
        assertThat(Notifications.channelFor(new Recipient("a@example.net", "+37061111111", "lt", null))).contains(Channel.EMAIL);
        assertThat(Notifications.channelFor(new Recipient(" ", null, "lt", Channel.SMS))).isEmpty();
    }
}
