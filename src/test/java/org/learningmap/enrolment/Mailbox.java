package org.learningmap.enrolment;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Waits for e-mail that went through the outbox to a real SMTP server (GreenMail). */
final class Mailbox {

    private Mailbox() {
    }

    static List<MimeMessage> awaitMailTo(GreenMailExtension smtp, String recipient, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<MimeMessage> mine = List.of();
        while (System.currentTimeMillis() < deadline) {
            mine = Arrays.stream(smtp.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " e-mails to " + recipient + " within 30 seconds, got " + mine.size());
    }

    static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (Exception e) {
            return false;
        }
    }
}
