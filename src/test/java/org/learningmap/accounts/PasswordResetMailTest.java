package org.learningmap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The reset e-mail travels through the outbox and a real SMTP server, and its link works. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordResetMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void theResetEmailArrivesInThePersonsLanguageWithAWorkingLink() throws Exception {
        CurrentAccount person = new People(jdbc, passwords).create("mail", "lt");
        mvc.perform(post("/ukraina/password-reset").with(csrf()).param("email", person.email())
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.31");
                            return request;
                        }))
                .andExpect(redirectedUrl("/ukraina/password-reset?sent"));

        MimeMessage mail = awaitMailTo(person.email());
        assertThat(mail.getSubject()).isEqualTo("Mokymosi žemėlapis – Ukraina: pasirinkite naują slaptažodį");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("Sveiki, Test mail,").contains("60 min.");
        Matcher link = PasswordResetTest.link(body);
        assertThat(link.group()).startsWith("http://localhost:8080/ukraina/password-reset/");

        mvc.perform(get(link.group(1)).header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pasirinkite naują slaptažodį")));
    }

    private static MimeMessage awaitMailTo(String recipient) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> mine = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(message -> addressedTo(message, recipient))
                    .toList();
            if (!mine.isEmpty()) {
                return mine.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail to " + recipient + " within 20 seconds");
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
