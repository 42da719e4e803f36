package org.learningmap.enrolment;

/**
 * The places of a session (or of a whole course): {@code capacity} {@code null} means no limit.
 * {@code wholeActivity} tells that one sign-up covers every session of the activity.
 */
public record Places(long sessionId, Integer capacity, int confirmed, int waitlisted, boolean wholeActivity) {

    /** Places still free; {@code null} when there is no limit. */
    public Integer left() {
        return capacity == null ? null : Math.max(0, capacity - confirmed);
    }

    public boolean full() {
        return capacity != null && confirmed >= capacity;
    }
}
