package org.learningmap.enrolment;

/** A person with an account marked present at a session, as the organisation's staff see them. */
public record SessionAttendee(long accountId, String displayName, String email) {
}
