package org.learningmap.organisations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class PublicPagesTest extends OrganisationsWebTest {

    @Test
    void onlyApprovedOrganisationsOfTheSiteHavePublicPages() throws Exception {
        long approved = organisation(lithuania(), "Public Library", "APPROVED", person("Owner", "en"));
        long pending = organisation(lithuania(), "Hidden Library", "PENDING", person("Owner", "en"));
        long rejected = organisation(lithuania(), "Rejected Library", "REJECTED", person("Owner", "en"));
        long venue = venue(approved, "Old Town Branch");
        long hiddenVenue = venue(pending, "Hidden Branch");

        mvc.perform(get("/organisations/" + approved).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 lang=\"en\">Public Library</h1>")))
                .andExpect(content().string(containsString("Books and classes for everyone.")))
                .andExpect(content().string(containsString("mailto:desk@example.org")))
                .andExpect(content().string(containsString("/venues/" + venue)))
                .andExpect(content().string(not(containsString("Verified"))));
        mvc.perform(get("/organisations/" + pending)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/" + rejected)).andExpect(status().isNotFound());
        mvc.perform(get("/ukraina/organisations/" + approved)).andExpect(status().isNotFound());
        mvc.perform(get("/venues/" + hiddenVenue)).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/not-a-number")).andExpect(status().isBadRequest());
    }

    @Test
    void aVenuePageShowsAddressOpeningHoursAndAccessibilityInWords() throws Exception {
        long organisation = organisation(lithuania(), "Venue Page Library", "APPROVED", person("Owner", "en"));
        long venue = venue(organisation, "Riverside Branch");
        mvc.perform(get("/venues/" + venue).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Riverside Branch")))
                .andExpect(content().string(containsString("Gedimino pr. 51")))
                .andExpect(content().string(containsString("Monday")))
                .andExpect(content().string(containsString("10:00–18:00")))
                .andExpect(content().string(containsString("Closed")))
                .andExpect(content().string(containsString("Step-free entrance")))
                .andExpect(content().string(containsString("Hearing loop")))
                .andExpect(content().string(containsString("/organisations/" + organisation)));
        mvc.perform(get("/venues/" + venue).header("Accept-Language", "uk"))
                .andExpect(content().string(containsString("Вхід без сходинок")))
                .andExpect(content().string(containsString("Понеділок")));
    }
}
