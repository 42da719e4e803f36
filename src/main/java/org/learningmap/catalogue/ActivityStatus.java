package org.learningmap.catalogue;

/** Draft → pending review (when the site moderates) → published → cancelled or archived. */
public enum ActivityStatus {
    DRAFT, PENDING_REVIEW, PUBLISHED, CANCELLED, ARCHIVED
}
