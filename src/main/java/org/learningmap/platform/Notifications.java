package org.learningmap.platform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Tells a person something, in their language, by the channel they prefer. The message is given as
 * message keys with arguments and rendered from the message bundles in the recipient's language; it is
 * written to the outbox in the caller's transaction (so it exists exactly when the change that caused
 * it was committed) and delivered, with retries, by the outbox senders.
 *
 * <p>The channel: the preferred one if the person can be reached by it, else e-mail, else SMS.
 */
@Service
public class Notifications {

    /** At most this many characters go into one text message (two or three SMS parts). */
    static final int LONGEST_SMS = 480;

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** How a person is told things. */
    public enum Channel {
        EMAIL, SMS
    }

    /**
     * Whom to tell: an e-mail address and/or a phone number (either may be {@code null}), the language
     * to write in ({@code lt}, {@code uk}, {@code en}, …) and the channel they prefer ({@code null}: e-mail).
     */
    public record Recipient(String email, String phone, String language, Channel preferredChannel) {

        public Recipient {
            email = email == null || email.isBlank() ? null : email.strip();
            phone = phone == null || phone.isBlank() ? null : phone.strip();
            language = language == null || language.isBlank() ? "en" : language.strip();
        }

        public static Recipient byEmail(String email, String language) {
            return new Recipient(email, null, language, Channel.EMAIL);
        }

        boolean reachableBy(Channel channel) {
            return channel == Channel.EMAIL ? email != null : phone != null;
        }
    }

    /**
     * What to tell: the message keys of the e-mail's subject and body and of the short text for SMS
     * ({@code null}: the subject), the arguments they share, and files for the e-mail (an .ics, say).
     */
    public record Message(String subjectKey, String bodyKey, String smsKey, List<Object> arguments,
                          List<Attachment> attachments) {

        public Message {
            Objects.requireNonNull(subjectKey, "subjectKey");
            Objects.requireNonNull(bodyKey, "bodyKey");
            arguments = arguments == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public static Message of(String subjectKey, String bodyKey, String smsKey, Object... arguments) {
            return new Message(subjectKey, bodyKey, smsKey, java.util.Arrays.asList(arguments), List.of());
        }

        public Message with(Attachment attachment) {
            List<Attachment> more = new java.util.ArrayList<>(attachments);
            more.add(attachment);
            return new Message(subjectKey, bodyKey, smsKey, arguments, more);
        }
    }

    /** A message rendered in one language. */
    public record Rendered(String subject, String body, String sms) {
    }

    private final Outbox outbox;
    private final MessageSource messages;

    Notifications(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /**
     * Queues the message for the person; returns the channel it goes by, or empty when the person has
     * neither an e-mail address nor a phone number (nothing is queued then).
     */
    public Optional<Channel> send(Recipient recipient, Message message) {
        Optional<Channel> channel = channelFor(recipient);
        if (channel.isEmpty()) {
            log.warn("A message ({}) could not be queued: the person has neither e-mail nor phone", message.subjectKey());
            return channel;
        }
        // only the texts of the channel it goes by are rendered
        Locale locale = locale(recipient.language());
        Object[] arguments = message.arguments().toArray();
        if (channel.get() == Channel.EMAIL) {
            outbox.enqueue(recipient.email(), messages.getMessage(message.subjectKey(), arguments, locale),
                    messages.getMessage(message.bodyKey(), arguments, locale), message.attachments());
        } else {
            outbox.enqueueSms(recipient.phone(), sms(message, arguments, locale, null));
        }
        return channel;
    }

    /** The channel a message to the person goes by: the preferred one if possible, else e-mail, else SMS. */
    public static Optional<Channel> channelFor(Recipient recipient) {
        if (recipient.preferredChannel() != null && recipient.reachableBy(recipient.preferredChannel())) {
            return Optional.of(recipient.preferredChannel());
        }
        if (recipient.reachableBy(Channel.EMAIL)) {
            return Optional.of(Channel.EMAIL);
        }
        if (recipient.reachableBy(Channel.SMS)) {
            return Optional.of(Channel.SMS);
        }
        return Optional.empty();
    }

    /** The message in the given language (English where a text is missing). */
    public Rendered render(Message message, String language) {
        Locale locale = locale(language);
        Object[] arguments = message.arguments().toArray();
        String subject = messages.getMessage(message.subjectKey(), arguments, locale);
        String body = messages.getMessage(message.bodyKey(), arguments, locale);
        return new Rendered(subject, body, sms(message, arguments, locale, subject));
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
    }

    /** The short text ({@code subject}: the rendered subject if the caller has it, else null). */
    private String sms(Message message, Object[] arguments, Locale locale, String subject) {
        String sms = message.smsKey() != null ? messages.getMessage(message.smsKey(), arguments, locale)
                : subject != null ? subject : messages.getMessage(message.subjectKey(), arguments, locale);
        if (sms.length() > LONGEST_SMS) {
            sms = sms.substring(0, LONGEST_SMS - 1) + "…";
        }
        return sms;
    }
}
