package org.learningmap.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.mail.DevMailController.CaughtMail;
import org.learningmap.platform.mail.DevMailController.Segment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.ui.ExtendedModelMap;

/** The development mail catcher receives what the application sends and lists it, newest first. */
class DevMailCatcherTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anAttachedCalendarFileIsNamedUnderTheMessage() throws Exception {
        int port = freePort();
        GreenMail catcher = new DevMailCatcher().devMailServer(port, "localhost");
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(port);
            jakarta.mail.internet.MimeMessage mime = sender.createMimeMessage();
            var helper = new org.springframework.mail.javamail.MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom("no-reply@learningmap.local");
            helper.setTo("ona@example.net");
            helper.setSubject("Your place");
            helper.setText("See you on Tuesday.");
            helper.addAttachment("session-7.ics", new jakarta.mail.util.ByteArrayDataSource(
                    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=PUBLISH"));
            sender.send(mime);

            ExtendedModelMap model = new ExtendedModelMap();
            new DevMailController(catcher).inbox(model);
            @SuppressWarnings("unchecked")
            List<CaughtMail> messages = (List<CaughtMail>) model.get("messages");
            assertThat(messages.getFirst().attachments()).containsExactly("session-7.ics (text/calendar)");
            assertThat(messages.getFirst().body()).contains(new Segment("See you on Tuesday.", false));
        } finally {
            catcher.stop();
        }
    }

    @Test
    void sentMailIsCaughtAndShownWithItsLink() throws Exception {
        int port = freePort();
        GreenMail catcher = new DevMailCatcher().devMailServer(port, "localhost");
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(port);
            SimpleMailMessage first = new SimpleMailMessage();
            first.setFrom("no-reply@learningmap.local");
            first.setTo("ona@example.net");
            first.setSubject("First");
            first.setText("Old news");
            sender.send(first);
            Thread.sleep(1100);
            SimpleMailMessage second = new SimpleMailMessage();
            second.setFrom("no-reply@learningmap.local");
            second.setTo("petro@example.net");
            second.setSubject("Choose a new password");
            second.setText("Open http://localhost:8080/password-reset/abc to choose it.");
            sender.send(second);

            DevMailController controller = new DevMailController(catcher);
            ExtendedModelMap model = new ExtendedModelMap();
            assertThat(controller.inbox(model)).isEqualTo("platform/dev-mail");
            @SuppressWarnings("unchecked")
            List<CaughtMail> messages = (List<CaughtMail>) model.get("messages");
            assertThat(messages).extracting(CaughtMail::subject).containsExactly("Choose a new password", "First");
            assertThat(messages.getFirst().recipients()).isEqualTo("petro@example.net");
            assertThat(messages.getFirst().body()).contains(new Segment("http://localhost:8080/password-reset/abc", true));

            controller.clear();
            ExtendedModelMap afterClearing = new ExtendedModelMap();
            controller.inbox(afterClearing);
            assertThat((List<?>) afterClearing.get("messages")).isEmpty();
        } finally {
            catcher.stop();
        }
    }
}
