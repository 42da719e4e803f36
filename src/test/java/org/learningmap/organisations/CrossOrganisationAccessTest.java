package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff of one organisation can neither read nor change another's staff pages, staff or venues. */
class CrossOrganisationAccessTest extends OrganisationsWebTest {

    CurrentAccount outsider;
    CurrentAccount theirOwner;
    long theirs;
    long theirVenue;
    long mine;

    @BeforeEach
    void twoOrganisations() {
        outsider = person("Owner Elsewhere", "en");
        mine = organisation(lithuania(), "My Own Library", "APPROVED", outsider);
        theirOwner = person("Their Owner", "en");
        theirs = organisation(lithuania(), "Their Library", "PENDING", theirOwner);
        theirVenue = venue(theirs, "Their Branch");
    }

    @Test
    void everyStaffPageOfAnotherOrganisationIsForbidden() throws Exception {
        forbidden(get("/staff/organisations/" + theirs));
        forbidden(post("/staff/organisations/" + theirs).param("kind", "NGO").param("name[en]", "Hijacked").param("email", "x@example.org"));
        forbidden(post("/staff/organisations/" + theirs + "/staff").param("email", outsider.email()).param("role", "OWNER"));
        forbidden(post("/staff/organisations/" + theirs + "/staff/" + theirOwner.id() + "/role").param("role", "EDUCATOR"));
        forbidden(post("/staff/organisations/" + theirs + "/staff/" + theirOwner.id() + "/removal"));
        forbidden(get("/staff/organisations/" + theirs + "/venues/new"));
        forbidden(post("/staff/organisations/" + theirs + "/venues").params(validVenue("Hijacked Branch")));
        forbidden(post("/staff/organisations/" + theirs + "/venues").param("locate", "town").param("town", "Kaunas"));
        forbidden(get("/staff/organisations/" + theirs + "/venues/" + theirVenue));
        forbidden(post("/staff/organisations/" + theirs + "/venues/" + theirVenue).params(validVenue("Hijacked Branch")));
        // Their venue under my organisation's address is not reachable either.
        forbidden(get("/staff/organisations/" + mine + "/venues/" + theirVenue));
        forbidden(post("/staff/organisations/" + mine + "/venues/" + theirVenue).params(validVenue("Hijacked Branch")));
        assertNothingChanged();
    }

    @Test
    void theApiRefusesWritesToAnotherOrganisationsVenues() throws Exception {
        String body = """
                {"organisationId": %d, "kind": "LIBRARY_BRANCH", "name": {"en": "Hijacked Branch"}, "address": "Laisvės al. 1",
                 "town": "Kaunas", "lat": 54.9, "lon": 23.9}
                """;
        mvc.perform(post("/api/v1/venues").with(user(outsider)).contentType(MediaType.APPLICATION_JSON).content(body.formatted(theirs)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("error.forbidden"));
        mvc.perform(put("/api/v1/venues/" + theirVenue).with(user(outsider)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(theirs)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/venues/" + theirVenue).with(user(outsider)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(mine)))
                .andExpect(status().isForbidden());
        assertNothingChanged();
    }

    private void forbidden(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(user(outsider)).with(csrf())).andExpect(status().isForbidden());
    }

    private static org.springframework.util.MultiValueMap<String, String> validVenue(String name) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("kind", "LIBRARY_BRANCH");
        form.add("name[en]", name);
        form.add("address", "Laisvės al. 1");
        form.add("town", "Kaunas");
        form.add("lat", "54.9");
        form.add("lon", "23.9");
        return form;
    }

    private void assertNothingChanged() {
        assertThat(jdbc.sql("SELECT name ->> 'en' FROM organisation WHERE id = ?").param(theirs).query(String.class).single())
                .isEqualTo("Their Library");
        assertThat(roleOf(theirs, theirOwner)).isEqualTo("OWNER");
        assertThat(roleOf(theirs, outsider)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM venue WHERE organisation_id = ?").param(theirs).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT name ->> 'en' FROM venue WHERE id = ?").param(theirVenue).query(String.class).single())
                .isEqualTo("Their Branch");
        assertThat(jdbc.sql("SELECT count(*) FROM venue WHERE name ->> 'en' = 'Hijacked Branch'").query(Long.class).single()).isZero();
    }
}
