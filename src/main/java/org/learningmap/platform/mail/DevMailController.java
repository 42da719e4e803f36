package org.learningmap.platform.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The development mail catcher's inbox: the newest messages first, with their links clickable. */
@Controller
@ConditionalOnProperty(name = "learningmap.mail.dev-catcher", havingValue = "true")
class DevMailController {

    static final int SHOWN = 100;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** A piece of a message body: plain text, or a link when {@code link} is true. */
    record Segment(String text, boolean link) {
    }

    record CaughtMail(String recipients, String subject, Instant sentAt, List<Segment> body, List<String> attachments) {
    }

    private final GreenMail server;

    DevMailController(GreenMail server) {
        this.server = server;
    }

    @GetMapping("/dev/mail")
    String inbox(Model model) {
        List<CaughtMail> messages = Arrays.stream(server.getReceivedMessages())
                .map(DevMailController::read)
                .sorted(Comparator.comparing(CaughtMail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(SHOWN)
                .toList();
        model.addAttribute("messages", messages);
        return "platform/dev-mail";
    }

    @PostMapping("/dev/mail/clear")
    String clear() throws FolderException {
        server.purgeEmailFromAllMailboxes();
        return "redirect:/dev/mail";
    }

    private static CaughtMail read(MimeMessage message) {
        try {
            String recipients = Arrays.stream(message.getRecipients(Message.RecipientType.TO) == null
                            ? new jakarta.mail.Address[0] : message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            Object content = message.getContent();
            return new CaughtMail(recipients, message.getSubject(), sent, segments(text(content)), attachments(content));
        } catch (MessagingException | IOException e) {
            return new CaughtMail("", "", null, List.of(new Segment(e.getMessage(), false)), List.of());
        }
    }

    /** The attached files as "name (type)". */
    private static List<String> attachments(Object content) throws MessagingException {
        List<String> files = new ArrayList<>();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    String type = part.getContentType() == null ? "" : part.getContentType().split(";")[0].strip();
                    files.add(part.getFileName() + " (" + type + ")");
                }
            }
        }
        return files;
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return text(part.getContent());
                }
            }
            return multipart.getCount() > 0 ? text(multipart.getBodyPart(0).getContent()) : "";
        }
        return "";
    }

    static List<Segment> segments(String body) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = LINK.matcher(body);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                segments.add(new Segment(body.substring(at, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            at = matcher.end();
        }
        if (at < body.length()) {
            segments.add(new Segment(body.substring(at), false));
        }
        return segments;
    }
}
