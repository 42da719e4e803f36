package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages about a sign-up reach people by the channel they chose and in their language: an e-mail
 * with the session for their calendar (and a cancellation notice when the place is gone), or a text
 * message for someone with only a phone.
 */
class PeopleAreToldByTheirChannelTest extends EnrolmentTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** E-mail left over from earlier tests (sent while no mail server listened) must not hold this test's up. */
    @org.junit.jupiter.api.BeforeEach
    void putEarlierMailBehind() {
        jdbc.sql("UPDATE outbox_email SET next_try_at = now() + interval '1 hour' WHERE sent_at IS NULL").update();
    }

    @Test
    void aConfirmationEMailCarriesTheSessionForTheCalendarAndAStaffCancellationACancelNotice() throws Exception {
        long session = classSession(4);
        long ona = person("Ona", "lt");
        EnrolmentOutcome place = signUp(session, ona);

        MimeMessage confirmed = Mailbox.awaitMailTo(SMTP, fixtures.email(ona), 1).getFirst();
        assertThat(confirmed.getSubject()).isEqualTo("Jums skirta vieta: Kompiuterio pradmenys");
        assertThat(Mailbox.body(confirmed)).contains("Kompiuterio pradmenys");
        BodyPart ics = Mailbox.file(confirmed, ".ics").orElseThrow(() -> new AssertionError("no .ics with the confirmation"));
        assertThat(ics.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
        Calendar calendar = new CalendarBuilder().build(ics.getInputStream());
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Kompiuterio pradmenys");
        assertThat(event.getUid().orElseThrow().getValue()).startsWith("session-" + session + "@");

        enrolments.cancel(place.enrolmentId(), editorA, "The room is flooded");
        List<MimeMessage> mails = Mailbox.awaitMailTo(SMTP, fixtures.email(ona), 2);
        MimeMessage cancelled = mails.stream().filter(m -> subject(m).startsWith("Jūsų registracija atšaukta")).findFirst().orElseThrow();
        assertThat(Mailbox.body(cancelled)).contains("The room is flooded");
        BodyPart notice = Mailbox.file(cancelled, ".ics").orElseThrow(() -> new AssertionError("no cancellation .ics"));
        assertThat(notice.getContentType()).contains("method=CANCEL");
        Calendar cancellation = new CalendarBuilder().build(notice.getInputStream());
        assertThat(cancellation.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(cancellation.<VEvent>getComponent("VEVENT").orElseThrow().getUid().orElseThrow().getValue())
                .isEqualTo(event.getUid().orElseThrow().getValue());
    }

    @Test
    void aPersonWithOnlyAPhoneGetsTheConfirmationAsATextMessageInTheirLanguage() {
        long session = classSession(4);
        long oksana = person("Oksana", "uk");
        String phone = "+3706" + (1000000 + (long) (Math.random() * 8999999));
        jdbc.sql("UPDATE account SET email = NULL, phone = ?, notification_channel = 'SMS' WHERE id = ?").params(phone, oksana).update();

        assertThat(signUp(session, oksana).status()).isEqualTo(EnrolmentStatus.CONFIRMED);

        List<String> texts = jdbc.sql("SELECT body FROM outbox_sms WHERE recipient = ?").param(phone).query(String.class).list();
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst()).contains("для вас є місце на «Основи комп’ютера»").contains("/enrolment/manage/");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
