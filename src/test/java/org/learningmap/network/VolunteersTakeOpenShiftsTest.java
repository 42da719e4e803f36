package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Open shifts: up to their capacity, once per person, never two at the same time, and only for the organisation's volunteers. */
class VolunteersTakeOpenShiftsTest extends VolunteerTestBase {

    @Test
    void aShiftFillsUpAndAPersonTakesItOnce() {
        long ona = adult("Ona Capacity");
        long jonas = adult("Jonas Capacity");
        approvedVolunteer(ona, orgA, venueA);
        approvedVolunteer(jonas, orgA, venueA);
        var shift = openShift(4, 9, 12, 1);

        volunteers.signUpForShift(ona, shift.id());
        refusedWith(() -> volunteers.signUpForShift(ona, shift.id()), "network.shift.already");
        refusedWith(() -> volunteers.signUpForShift(jonas, shift.id()), "network.shift.full");
        assertThat(volunteers.shift(shift.id()).orElseThrow().taken()).isEqualTo(1);

        // a place given up is free again
        var place = volunteers.shiftsOfVolunteer(ona, lietuva).stream().filter(s -> s.shiftId() == shift.id()).findFirst().orElseThrow();
        volunteers.cancelShiftSignup(ona, place.id());
        volunteers.signUpForShift(jonas, shift.id());
        assertThat(volunteers.openShiftsFor(ona, lietuva)).extracting(Volunteers.Shift::id).contains(shift.id());
        assertThat(volunteers.openShiftsFor(jonas, lietuva)).extracting(Volunteers.Shift::id).doesNotContain(shift.id());
    }

    @Test
    void nobodyIsOnTwoShiftsAtOnceEvenWhenStaffAssignThem() {
        long ona = adult("Ona Overlapping");
        var v = approvedVolunteer(ona, orgA, venueA);
        var morning = openShift(5, 9, 12, 3);
        var lateMorning = openShift(5, 11, 14, 3);
        var afternoon = openShift(5, 12, 15, 3);
        volunteers.signUpForShift(ona, morning.id());
        refusedWith(() -> volunteers.signUpForShift(ona, lateMorning.id()), "network.shift.overlap");
        refusedWith(() -> volunteers.assignShift(editorA, orgA, lateMorning.id(), v.id()), "network.shift.overlap");
        // back to back is fine
        volunteers.signUpForShift(ona, afternoon.id());
        assertThat(volunteers.shiftsOfVolunteer(ona, lietuva)).hasSize(2);
    }

    @Test
    void onlyApprovedVolunteersOfTheOrganisationTakeItsShifts() {
        long pending = adult("Petras Pending");
        volunteers.offer(pending, orgA, List.of("DIGITAL_LEADER"), List.of("lt"), List.of(), List.of(venueA), List.of());
        long other = adult("Rita Elsewhere");
        approvedVolunteer(other, orgB, venueB);
        var shift = openShift(6, 10, 12, 3);
        refusedWith(() -> volunteers.signUpForShift(pending, shift.id()), "network.shift.not-a-volunteer");
        refusedWith(() -> volunteers.signUpForShift(other, shift.id()), "network.shift.not-a-volunteer");
        assertThat(volunteers.openShiftsFor(other, lietuva)).extracting(Volunteers.Shift::id).doesNotContain(shift.id());
    }

    @Test
    void theDemoHasAnEScoutWithConsentOpenShiftsAndHelpSlots() {
        long escout = fixtures.accountByEmail(VolunteerDemo.ESCOUT_LT);
        var profile = volunteers.volunteeringOf(escout, lietuva).getFirst();
        assertThat(profile.approved()).isTrue();
        assertThat(profile.minor()).isTrue();
        assertThat(profile.roles()).containsExactly("E_SCOUT");
        assertThat(volunteers.openShiftsFor(escout, lietuva)).isNotEmpty();
        assertThat(help.slotsOfVolunteer(escout, lietuva)).isNotEmpty()
                .allSatisfy(slot -> assertThat(slot.presentAccountId()).isEqualTo(fixtures.accountByEmail(VolunteerDemo.LEADER_LT)));
        long ukraina = fixtures.site("ukraina");
        assertThat(help.findFree(ukraina, null, "uk", "e-government")).isNotEmpty();
    }
}
