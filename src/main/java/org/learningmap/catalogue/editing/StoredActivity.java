package org.learningmap.catalogue.editing;

import java.time.Instant;
import java.util.List;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.Audience;
import org.learningmap.shared.LocalizedText;

/** An activity as stored, with its topic slugs. */
record StoredActivity(long id, long siteId, long organisationId, ActivityStatus status, ActivityContent content,
                      Long imageId, Instant publishedAt, Instant updatedAt, String reviewNote) {

    ActivityKind kind() {
        return content.kind();
    }

    LocalizedText title() {
        return content.title();
    }

    List<Audience> audiences() {
        return content.audiences();
    }
}
