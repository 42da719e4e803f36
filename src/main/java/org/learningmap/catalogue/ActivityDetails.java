package org.learningmap.catalogue;

import java.util.List;
import org.learningmap.shared.LocalizedText;

/** Everything a public activity page shows about the activity itself. */
record ActivityDetails(long id, long siteId, ActivityKind kind, LocalizedText title, LocalizedText summary,
                       LocalizedText description, LocalizedText easyRead, long organisationId,
                       LocalizedText organisationName, List<Audience> audiences, Integer minAge, Integer maxAge,
                       List<String> languages, List<String> digcomp, int priceCents, String currency,
                       boolean voucherEligible, String onlineUrl, Integer durationMinutes, String level,
                       List<Topic> topics) {

    public boolean free() {
        return priceCents == 0;
    }

    /** The course's own address, only when it is a web address: nothing else is ever made a link. */
    public String courseLink() {
        if (onlineUrl == null) {
            return null;
        }
        String lower = onlineUrl.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? onlineUrl.strip() : null;
    }
}
