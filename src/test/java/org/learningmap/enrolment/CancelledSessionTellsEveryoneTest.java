package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CancelledSessionTellsEveryoneTest extends EnrolmentTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void whenStaffCancelASessionEveryoneOnItLosesThePlaceAndIsToldInTheirLanguage() throws Exception {
        long session = classSession(1);
        long activity = activityOf(session);
        long ona = person("Ona", "lt");
        long oksana = person("Oksana", "uk");
        EnrolmentOutcome place = signUp(session, ona);
        EnrolmentOutcome waiting = signUp(session, oksana);

        mvc.perform(post("/lietuva/staff/organisations/" + orgA + "/activities/" + activity + "/sessions/" + session + "/cancel")
                        .with(user(fixtures.principal(editorA))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(statusOf(waiting.enrolmentId())));
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT DISTINCT cancelled_by FROM enrolment WHERE session_id = ?").param(session)
                .query(String.class).list()).containsExactly("SESSION_CANCELLED");
        assertThat(confirmedInPool(session)).isZero();

        List<MimeMessage> toOna = Mailbox.awaitMailTo(SMTP, fixtures.email(ona), 2);
        assertThat(toOna).extracting(MimeMessage::getSubject)
                .contains("Jums skirta vieta: Kompiuterio pradmenys", "Atšaukta: Kompiuterio pradmenys");
        List<MimeMessage> toOksana = Mailbox.awaitMailTo(SMTP, fixtures.email(oksana), 2);
        assertThat(toOksana).extracting(MimeMessage::getSubject)
                .contains("Ви в списку очікування: Основи комп’ютера", "Скасовано: Основи комп’ютера");
        MimeMessage cancelled = toOksana.stream().filter(m -> subject(m).startsWith("Скасовано")).findFirst().orElseThrow();
        assertThat(Mailbox.body(cancelled)).startsWith("Вітаємо, Oksana!").contains("скасовано");
    }

    @Test
    void whenAWholeCourseIsCancelledItsPeopleLoseTheirPlace() throws Exception {
        long course = activity("COURSE");
        session(course, 5, 4);
        session(course, 5, 11);
        long ana = person("Ana");
        EnrolmentOutcome place = signUp(session(course, 5, 18), ana);

        mvc.perform(post("/lietuva/staff/organisations/" + orgA + "/activities/" + course + "/cancel")
                        .with(user(fixtures.principal(editorA))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(statusOf(place.enrolmentId())));
        List<MimeMessage> mail = Mailbox.awaitMailTo(SMTP, fixtures.email(ana), 2);
        assertThat(mail).extracting(MimeMessage::getSubject).contains("Cancelled: Computer basics");
        assertThat(mail).extracting(MimeMessage::getSubject).filteredOn(s -> s.startsWith("One session")).isEmpty();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
