package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/**
 * Hours count once per source: a session the volunteer helped at (when attendance is recorded, however
 * often), a shift done, and time typed by the volunteer once staff approve it; each milestone is
 * announced once.
 */
class VolunteerHoursAreCountedOnceTest extends VolunteerTestBase {

    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aHelperAtASessionGetsItsHoursOnceWhenAttendanceIsRecorded() throws InterruptedException {
        long ona = adult("Ona Helper");
        var v = approvedVolunteer(ona, orgA, venueA);
        long session = sessionOf(orgA, 90);
        volunteers.assignToSession(editorA, orgA, session, v.id());
        // the same helper twice is still one helper
        volunteers.assignToSession(editorA, orgA, session, v.id());

        // attendance is recorded at the session twice (two people), each in its own transaction
        for (long person : new long[] {1L, 2L}) {
            transaction.executeWithoutResult(status -> publisher.publishEvent(new AttendanceRecorded(lietuva, orgA, activityOf(session),
                    session, person, AttendanceMethod.TAP, Instant.now())));
        }

        waitUntil(() -> hours.approvedMinutes(ona, lietuva) == 90);
        assertThat(hours.approvedMinutes(ona, lietuva)).isEqualTo(90);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer_hours WHERE account_id = ? AND source = 'SESSION'").param(ona)
                .query(Integer.class).single()).isEqualTo(1);
        // recorded again later: nothing more
        hours.logSessionHours(session);
        assertThat(hours.approvedMinutes(ona, lietuva)).isEqualTo(90);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
    }

    @Test
    void aShiftDoneCountsOnceAndAShiftMissedDoesNot() {
        long ona = adult("Ona Shifts");
        long jonas = adult("Jonas Absent");
        approvedVolunteer(ona, orgA, venueA);
        approvedVolunteer(jonas, orgA, venueA);
        var shift = openShift(3, 10, 13, 3);
        volunteers.signUpForShift(ona, shift.id());
        var missed = volunteers.signUpForShift(jonas, shift.id());
        volunteers.markShiftNoShow(editorA, orgA, missed.id());
        // the shift is over
        jdbc.sql("UPDATE volunteer_shift SET starts_at = now() - interval '5 hours', ends_at = now() - interval '2 hours' WHERE id = ?")
                .param(shift.id()).update();
        jdbc.sql("UPDATE volunteer_shift_signup SET starts_at = now() - interval '5 hours', ends_at = now() - interval '2 hours' WHERE shift_id = ?")
                .param(shift.id()).update();

        hours.logCompletedShifts();
        hours.logCompletedShifts();

        assertThat(hours.approvedMinutes(ona, lietuva)).isEqualTo(180);
        assertThat(hours.approvedMinutes(jonas, lietuva)).isZero();
        assertThat(logged(ona)).extracting(VolunteerHoursLogged::source).containsExactly("SHIFT");
    }

    @Test
    void typedHoursCountOnlyOnceStaffApproveThem() {
        long ona = adult("Ona Manual");
        var v = approvedVolunteer(ona, orgA, venueA);
        var entry = hours.logManually(ona, v.id(), inDays(-1), 120, "Helped seniors with e-banking");
        assertThat(entry.status()).isEqualTo("PENDING");
        assertThat(hours.approvedMinutes(ona, lietuva)).isZero();
        assertThat(logged(ona)).isEmpty();

        // staff of another organisation cannot approve it
        refusedWith(() -> hours.decide(editorB, orgA, entry.id(), true), "error.forbidden");
        refusedWith(() -> hours.decide(editorB, orgB, entry.id(), true), "error.not-found");

        hours.decide(editorA, orgA, entry.id(), true);
        assertThat(hours.approvedMinutes(ona, lietuva)).isEqualTo(120);
        assertThat(logged(ona)).extracting(VolunteerHoursLogged::source).containsExactly("MANUAL");
        refusedWith(() -> hours.decide(editorA, orgA, entry.id(), true), "network.hours.already-decided");
        assertThat(logged(ona)).hasSize(1);
    }

    @Test
    void eachMilestoneIsAnnouncedOnce() {
        long ona = adult("Ona Milestones");
        var v = approvedVolunteer(ona, orgA, venueA);
        approve(hours.logManually(ona, v.id(), inDays(-3), 540, "Nine hours at the hub"));
        assertThat(milestones(ona)).isEmpty();
        approve(hours.logManually(ona, v.id(), inDays(-2), 90, "Class helper"));
        assertThat(milestones(ona)).containsExactly(10);
        approve(hours.logManually(ona, v.id(), inDays(-1), 60, "Another hour"));
        assertThat(milestones(ona)).containsExactly(10);
        // 41 more hours pass 50 at once
        for (int i = 0; i < 3; i++) {
            approve(hours.logManually(ona, v.id(), inDays(-5 - i), 900, "A long day"));
        }
        approve(hours.logManually(ona, v.id(), inDays(-10), 600, "Camp"));
        assertThat(hours.approvedMinutes(ona, lietuva)).isGreaterThanOrEqualTo(50 * 60);
        assertThat(milestones(ona)).containsExactly(10, 50);
    }

    private void approve(Volunteers.HoursEntry entry) {
        hours.decide(editorA, orgA, entry.id(), true);
    }

    private List<VolunteerHoursLogged> logged(long accountId) {
        return events.stream(VolunteerHoursLogged.class).filter(e -> e.volunteerAccountId() == accountId).toList();
    }

    private List<Integer> milestones(long accountId) {
        return events.stream(VolunteerMilestoneReached.class).filter(e -> e.volunteerAccountId() == accountId)
                .map(VolunteerMilestoneReached::hours).toList();
    }

    private long activityOf(long session) {
        return jdbc.sql("SELECT activity_id FROM session WHERE id = ?").param(session).query(Long.class).single();
    }

    /** A published session of the organisation tomorrow, this many minutes long. */
    long sessionOf(long organisation, int minutes) {
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', '{"en": "Phone basics"}', '{"en": "Calls and photos"}', now()
                        FROM organisation WHERE id = ? RETURNING id""")
                .param(organisation).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity)
                        SELECT a.site_id, a.organisation_id, a.id, ?, now() + interval '1 day', now() + interval '1 day' + make_interval(mins => ?), 12
                        FROM activity a WHERE a.id = ? RETURNING id""")
                .params(venueA, minutes, activity).query(Long.class).single();
    }
}
