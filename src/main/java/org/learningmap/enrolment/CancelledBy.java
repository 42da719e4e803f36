package org.learningmap.enrolment;

/** Why a sign-up ended. */
public enum CancelledBy {
    /** The person cancelled (button or link). */
    PERSON,
    /** Staff cancelled it, with a reason. */
    STAFF,
    /** The session or the whole activity was cancelled. */
    SESSION_CANCELLED,
    /** The person released the place when reminded. */
    RELEASED
}
