/**
 * The network of people behind the programmes: volunteers (digital leaders, e-scouts, hub
 * coordinators, trainers), their shifts and hours, 1:1 help slots, train-the-trainer cascades and
 * the methods library.
 *
 * <p>Volunteers: a person offers to volunteer for an organisation of the site (roles, languages,
 * topics of the site's vocabulary, home branches, weekly availability) and its staff approve.
 * Anyone under 18 needs a guardian's consent (the accounts module's record), and, by the site's
 * safeguarding rule (on unless a coordinator turns it off), never gives 1:1 help without an adult
 * volunteer or a staff member of the organisation present. Staff publish shifts at a branch, open
 * to volunteers or assigned, and put volunteers on sessions as helpers; the database keeps one person
 * off two overlapping shifts.
 *
 * <p>Hours count once per source: a session held (on the first {@code enrolment.AttendanceRecorded}
 * for it), a shift whose end passed with the volunteer still on it, and time typed by the volunteer
 * once staff approve it. Each counted entry publishes {@link org.learningmap.network.VolunteerHoursLogged};
 * passing 10, 50 and 100 hours publishes {@link org.learningmap.network.VolunteerMilestoneReached}, once.
 *
 * <p>1:1 help: 30-minute slots a volunteer offers at a branch in their languages and topics, booked
 * by a person or by staff for a visitor (with an account, or a name and a phone); the database keeps
 * a slot to one booking and a volunteer or a person from overlapping bookings. A reminder goes a day
 * before, in the person's language; the volunteer records the help ({@link org.learningmap.network.HelpSessionHeld})
 * or that nobody came.
 *
 * <p>The facade is {@link org.learningmap.network.Volunteers}; staff of one organisation never see
 * or change another's volunteers, shifts, hours or bookings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package org.learningmap.network;
