package org.learningmap.enrolment;

/** Who made a sign-up. */
public enum EnrolmentSource {
    /** The person, online. */
    SELF,
    /** Staff of the organisation, for the person. */
    STAFF,
    /** A trusted person acting for them. */
    DELEGATE,
    /** At the desk, for someone without an account of their own yet. */
    DESK,
    /** Someone who came in on the day. */
    WALK_IN
}
