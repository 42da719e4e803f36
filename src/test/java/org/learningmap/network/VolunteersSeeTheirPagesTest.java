package org.learningmap.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.PersonalDataContributor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The volunteer's and the person's own pages show what they did, in their language; a refused change
 * comes back to the form with the reason; the person's data is in their export and goes with the account.
 */
class VolunteersSeeTheirPagesTest extends VolunteerTestBase {

    @Autowired
    List<PersonalDataContributor> contributors;

    @Test
    void aVolunteerSeesTheirHoursSlotsAndBookingsAndAPersonBooksHelp() throws Exception {
        long ona = adult("Ona Pages");
        var v = approvedVolunteer(ona, orgA, venueA);
        var slot = help.offer(ona, v.id(), venueA, inDays(3), LocalTime.of(11, 0), List.of("lt", "en"), List.of("e-government"), null);
        hours.logManually(ona, v.id(), inDays(-1), 75, "Helped at the desk");
        var volunteer = user(fixtures.principal(ona));

        mvc.perform(get("/lietuva/account/volunteering/hours").with(volunteer).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Waiting for approval")))
                .andExpect(content().string(containsString("1 h 15 min")));
        mvc.perform(get("/lietuva/account/volunteering/help").with(volunteer).header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mano laisvi laikai")))
                .andExpect(content().string(containsString("Laisva")));

        long petras = adult("Petras Booker");
        var person = user(fixtures.principal(petras));
        mvc.perform(get("/lietuva/account/help").param("language", "en").param("topic", "e-government").with(person)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ona Pages")));
        mvc.perform(post("/lietuva/account/help/slots/" + slot.id() + "/book").param("topic", "online-safety").param("language", "en")
                        .with(person).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "network.help.no-match"));
        mvc.perform(post("/lietuva/account/help/slots/" + slot.id() + "/book").param("topic", "e-government").param("language", "en")
                        .with(person).with(csrf()))
                .andExpect(redirectedUrl("/lietuva/account/help"))
                .andExpect(flash().attribute("done", "network.help.booked"));
        mvc.perform(get("/lietuva/account/help").with(person).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мої бронювання")))
                .andExpect(content().string(containsString("Заброньовано")));
        mvc.perform(get("/lietuva/staff/organisations/" + orgA + "/volunteers/shifts").with(user(fixtures.principal(editorA)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("New shift")));

        // the export has both sides; deleting the account forgets them
        PersonalDataContributor part = contributors.stream().filter(c -> c.section().equals("volunteering")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, List<?>> onaData = (Map<String, List<?>>) part.export(ona);
        assertThat(onaData.get("volunteerProfiles")).hasSize(1);
        assertThat(onaData.get("hours")).hasSize(1);
        assertThat(onaData.get("helpSlotsOffered")).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, List<?>> petrasData = (Map<String, List<?>>) part.export(petras);
        assertThat(petrasData.get("helpBooked")).hasSize(1);
        assertThat(petrasData.get("volunteerProfiles")).isEmpty();

        part.forget(petras);
        assertThat(jdbc.sql("SELECT count(*) FROM help_booking WHERE person_account_id = ?").param(petras).query(Integer.class).single()).isZero();
        part.forget(ona);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer WHERE account_id = ?").param(ona).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer_hours WHERE account_id = ?").param(ona).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM help_slot WHERE id = ?").param(slot.id()).query(Integer.class).single()).isZero();
    }
}
