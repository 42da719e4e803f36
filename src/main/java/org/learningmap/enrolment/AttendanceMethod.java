package org.learningmap.enrolment;

/** How a person's presence at a session was recorded. */
public enum AttendanceMethod {
    /** Staff tapped the person's name on the roster. */
    TAP,
    /** Staff scanned or typed the person's check-in pass. */
    PASS,
    /** The person scanned the session's QR code with their own phone. */
    SESSION_CODE,
    /** Staff added the person at the door. */
    WALK_IN
}
