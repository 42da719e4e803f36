/**
 * Places and waitlists: people sign up for a session, or once for a whole course or camp; places
 * are taken where the data lives so a session is never overbooked; the waitlist moves up in arrival
 * order when a place frees; people cancel by button or by the secret link in their e-mail, staff
 * cancel with a reason, and a cancelled session or activity cancels everyone's place and tells them.
 * Owns the tables {@code place_pool} and {@code enrolment}. {@link org.learningmap.enrolment.Enrolments}
 * is the facade (bean {@code enrolments}, also called by name from the fragments of
 * {@code templates/enrolment/fragments.html}); it publishes {@link org.learningmap.enrolment.EnrolmentConfirmed},
 * {@link org.learningmap.enrolment.EnrolmentWaitlisted}, {@link org.learningmap.enrolment.EnrolmentCancelled}
 * and {@link org.learningmap.enrolment.WaitlistPromoted}.
 * <p>
 * A minor whose guardian has not agreed yet gets no place, however the sign-up is made. A trusted
 * person ({@code accounts.Delegations}) signs up and cancels for someone who lets them, on the
 * sign-up step ("for whom") and on {@code /account/people-i-help/{personId}/sign-ups}; each action
 * goes into that person's log. Messages about a sign-up go through {@code platform.Notifications}
 * by the person's channel (e-mail with an .ics, or SMS). The module contributes its personal data
 * (sign-ups, attendance, reminder replies, the calendar link, the check-in pass) to a person's export
 * and forgets it when the account is deleted, keeping only anonymous counts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enrolment")
package org.learningmap.enrolment;
