package org.learningmap.catalogue;

import java.nio.charset.StandardCharsets;

/**
 * An iCalendar file (RFC 5545): its name, its METHOD ({@code PUBLISH}, or {@code CANCEL} for a
 * cancellation notice) and its bytes, UTF-8.
 */
public record CalendarFile(String filename, String method, byte[] content) {

    public CalendarFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The MIME type to send it with, e.g. {@code text/calendar; charset=UTF-8; method=PUBLISH}. */
    public String contentType() {
        return "text/calendar; charset=UTF-8; method=" + method;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
