package org.learningmap.enrolment;

/**
 * What the viewer of an activity page can do about one session (or, for a course, about the whole
 * course): sign up, join the waitlist, or nothing because it is closed ({@code closedReason}, a
 * message key). {@code placesLeft} is {@code null} when there is no limit; {@code mine} is the
 * signed-in viewer's own sign-up, if any; {@code startsAt} is when the session (or course) starts.
 */
public record SignUpChoice(long sessionId, java.time.Instant startsAt, boolean wholeActivity, boolean open, String closedReason, Integer placesLeft,
                           boolean full, int waiting, EnrolmentOutcome mine) {
}
