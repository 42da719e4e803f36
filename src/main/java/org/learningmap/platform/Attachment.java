package org.learningmap.platform;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A file sent with an e-mail: its name, MIME type (with parameters) and bytes. */
public record Attachment(String filename, String contentType, byte[] content) {

    /** The MIME type of an invitation or update a calendar adds or changes on its own. */
    public static final String CALENDAR = "text/calendar; charset=UTF-8; method=PUBLISH";

    public Attachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    /** An iCalendar file ({@code .ics}) published for the recipient's calendar. */
    public static Attachment calendar(String filename, byte[] ics) {
        return new Attachment(filename, CALENDAR, ics);
    }

    /** An iCalendar file from its text. */
    public static Attachment calendar(String filename, String ics) {
        return calendar(filename, ics.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
