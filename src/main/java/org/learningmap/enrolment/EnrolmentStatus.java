package org.learningmap.enrolment;

/** Where a sign-up stands. */
public enum EnrolmentStatus {
    /** The person has a place. */
    CONFIRMED,
    /** The person waits for a place; the first in line gets the next one that frees. */
    WAITLISTED,
    /** The place was given up, taken back by staff, or the session will not take place. */
    CANCELLED
}
