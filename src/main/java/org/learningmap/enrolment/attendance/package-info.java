/**
 * Attendance: who was in the room. Staff of the session's organisation open its roster on a phone
 * ({@code /staff/sessions/{id}/roster}), tap people present, scan or type a person's check-in pass,
 * add walk-ins (taking a free place when there is one), and finish, which records no-shows. A
 * learner can also scan the session's short-lived QR code and check themselves in.
 * <p>
 * Owns the tables {@code attendance}, {@code roster_finish} and {@code check_in_pass}; reads the
 * module's {@code enrolment} and {@code place_pool} and writes them only for a walk-in's place.
 * Publishes {@link org.learningmap.enrolment.AttendanceRecorded},
 * {@link org.learningmap.enrolment.NoShowRecorded} and {@link org.learningmap.enrolment.AttendanceWithdrawn},
 * each once per change: marking someone present twice publishes nothing (unique indexes decide).
 */
package org.learningmap.enrolment.attendance;
