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

    /** The text of the message, also when files (an .ics) go with it. */
    static String body(MimeMessage message) throws Exception {
        return text(message.getContent()).replace("\r\n", "\n");
    }

    /** The file of this name that came with the message, if any. */
    static java.util.Optional<jakarta.mail.BodyPart> file(MimeMessage message, String suffix) throws Exception {
        if (!(message.getContent() instanceof jakarta.mail.Multipart parts)) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < parts.getCount(); i++) {
            String name = parts.getBodyPart(i).getFileName();
            if (name != null && name.endsWith(suffix)) {
                return java.util.Optional.of(parts.getBodyPart(i));
            }
        }
        return java.util.Optional.empty();
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() == null && (part.isMimeType("text/plain") || part.isMimeType("multipart/*"))) {
                    return text(part.getContent());
                }
            }
        }
        return "";
    }

    private static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (Exception e) {
            return false;
        }
    }
}
