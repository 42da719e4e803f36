package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff of one organisation never see or change another's volunteers, shifts, hours or bookings. */
class StaffSeeOnlyTheirOwnVolunteersTest extends VolunteerTestBase {

    @Test
    void staffOfAnotherOrganisationCanNeitherSeeNorChangeAnything() throws Exception {
        long ona = adult("Ona Secret");
        var v = volunteers.offer(ona, orgA, List.of("DIGITAL_LEADER"), List.of("lt"), List.of("e-government"), List.of(venueA), List.of());
        var shift = openShift(2, 10, 12, 2);
        var slotOwner = adult("Jonas Secret");
        var jonas = approvedVolunteer(slotOwner, orgA, venueA);
        var slot = help.offer(slotOwner, jonas.id(), venueA, inDays(2), LocalTime.of(15, 0), List.of("lt"), List.of("e-government"), null);
        var booking = help.bookForVisitor(editorA, orgA, slot.id(), "e-government", "lt", null, "Visitor Secret", "+37060099999");
        var entry = hours.logManually(slotOwner, jonas.id(), inDays(-1), 60, "Desk");

        String base = "/lietuva/staff/organisations/" + orgA;
        List<MockHttpServletRequestBuilder> everyEndpoint = List.of(
                get(base + "/volunteers"),
                get(base + "/volunteers/shifts"),
                get(base + "/help").param("language", "lt").param("topic", "e-government"),
                post(base + "/volunteers/" + v.id() + "/approve"),
                post(base + "/volunteers/hours/" + entry.id() + "/approve"),
                post(base + "/volunteers/shifts").param("venue", String.valueOf(venueA)).param("day", inDays(3).toString())
                        .param("from", "10:00").param("to", "12:00").param("capacity", "2").param("open", "true"),
                post(base + "/volunteers/shifts/" + shift.id() + "/assign").param("volunteer", String.valueOf(jonas.id())),
                post(base + "/volunteers/shifts/" + shift.id() + "/cancel"),
                post(base + "/help/slots/" + slot.id() + "/book").param("topic", "e-government").param("language", "lt")
                        .param("name", "Intruder").param("phone", "+37060000000"),
                post(base + "/help/bookings/" + booking.id() + "/cancel"));
        var outsider = fixtures.principal(editorB);
        for (MockHttpServletRequestBuilder request : everyEndpoint) {
            mvc.perform(request.with(user(outsider)).with(csrf()).header("Accept-Language", "en"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Ona Secret"))))
                    .andExpect(content().string(not(containsString("Visitor Secret"))));
        }
        // naming their own organisation with A's rows finds nothing
        String own = "/lietuva/staff/organisations/" + orgB;
        mvc.perform(post(own + "/volunteers/" + v.id() + "/approve").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(own + "/volunteers/hours/" + entry.id() + "/approve").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(own + "/volunteers/shifts/" + shift.id() + "/cancel").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(own + "/help/bookings/" + booking.id() + "/cancel").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(own + "/help/slots/" + slot.id() + "/book").param("topic", "e-government").param("language", "lt")
                .param("name", "Intruder").param("phone", "+37060000000").with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(own + "/volunteers").with(user(outsider)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Ona Secret"))));
        mvc.perform(get(own + "/help").with(user(outsider)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Visitor Secret"))));

        assertThat(volunteers.volunteer(v.id()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(hours.entry(entry.id()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(volunteers.shift(shift.id()).orElseThrow().cancelled()).isFalse();
        assertThat(help.booking(booking.id()).orElseThrow().status()).isEqualTo("BOOKED");
        // and a person without any staff role is turned away too
        mvc.perform(get(base + "/volunteers").with(user(fixtures.principal(ona)))).andExpect(status().isForbidden());
    }

    @Test
    void theOrganisationsOwnStaffSeeTheirVolunteersAndApproveThem() throws Exception {
        long ona = adult("Ona Visible");
        var v = volunteers.offer(ona, orgA, List.of("E_SCOUT"), List.of("lt"), List.of("e-government"), List.of(venueA), List.of());
        var editor = fixtures.principal(editorA);
        mvc.perform(get("/lietuva/staff/organisations/" + orgA + "/volunteers").with(user(editor)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ona Visible")))
                .andExpect(content().string(containsString("Waiting for approval")));
        mvc.perform(post("/lietuva/staff/organisations/" + orgA + "/volunteers/" + v.id() + "/approve").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(volunteers.volunteer(v.id()).orElseThrow().approved()).isTrue();
        // without the CSRF token nothing changes
        mvc.perform(post("/lietuva/staff/organisations/" + orgA + "/volunteers/" + v.id() + "/reject").with(user(editor)))
                .andExpect(status().isForbidden());
        assertThat(volunteers.volunteer(v.id()).orElseThrow().approved()).isTrue();
    }
}
