package org.learningmap.enrolment;

/**
 * What a sign-up came to: a place ({@code CONFIRMED}) or a place in the queue ({@code WAITLISTED},
 * with {@code position} 1 for the first in line). {@code alreadyEnrolled} tells that the person
 * already held this place or that the same request was made before; nothing new was made then.
 */
public record EnrolmentOutcome(long enrolmentId, EnrolmentStatus status, Integer position, boolean alreadyEnrolled) {

    public boolean confirmed() {
        return status == EnrolmentStatus.CONFIRMED;
    }

    public boolean waitlisted() {
        return status == EnrolmentStatus.WAITLISTED;
    }
}
