package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;

class EditorManagesVenuesTest extends OrganisationsWebTest {

    @Autowired
    Organisations organisations;

    CurrentAccount editor;
    long organisation;

    @BeforeEach
    void anOrganisationWithAnEditor() {
        organisation = organisation(lithuania(), "Venue Library", "PENDING", person("Owner", "lt"));
        editor = person("Eglė Editor", "lt");
        member(organisation, editor, StaffRole.EDITOR);
    }

    @Test
    void theFormOffersTheSiteAreasWeekdaysAndAccessibilityFactsWithExplanations() throws Exception {
        mvc.perform(get("/staff/organisations/" + organisation + "/venues/new").with(user(editor)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vilnius")))
                .andExpect(content().string(containsString("name=\"hours[SATURDAY]\"")))
                .andExpect(content().string(containsString("Hearing loop")))
                .andExpect(content().string(containsString("Sound goes straight to hearing aids")))
                .andExpect(content().string(containsString("they are published when the organisation is approved")));
    }

    @Test
    void wrongCoordinatesAndMissingFieldsAreNamedAndNothingIsSaved() throws Exception {
        mvc.perform(post("/staff/organisations/" + organisation + "/venues").with(user(editor)).with(csrf()).header("Accept-Language", "en")
                        .param("kind", "LIBRARY_BRANCH").param("name[lt]", "Filialas").param("address", "")
                        .param("town", "Kaunas").param("lat", "north").param("lon", "200").param("hours[MONDAY]", "x".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The latitude must be a number from -90 to 90")))
                .andExpect(content().string(containsString("The longitude must be a number from -180 to 180")))
                .andExpect(content().string(containsString("Please fill in this field.")))
                .andExpect(content().string(containsString("Please use at most 100 characters.")))
                .andExpect(content().string(containsString("value=\"Filialas\"")));
        mvc.perform(post("/staff/organisations/" + organisation + "/venues").with(user(editor)).with(csrf()).header("Accept-Language", "lt")
                        .param("kind", "LIBRARY_BRANCH").param("name[lt]", "Filialas").param("address", "Laisvės al. 1")
                        .param("town", "Kaunas").param("areaId", String.valueOf(ukrainianArea())).param("lat", "54.9").param("lon", "23.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pasirinkite vieną iš sąraše esančių teritorijų.")));
        assertThat(organisations.venuesOf(organisation)).isEmpty();
    }

    @Test
    void findingCoordinatesFromTheTownFillsThemInWithoutSaving() throws Exception {
        mvc.perform(post("/staff/organisations/" + organisation + "/venues").with(user(editor)).with(csrf()).header("Accept-Language", "en")
                        .param("locate", "town").param("kind", "LIBRARY_BRANCH").param("name[lt]", "Kauno filialas")
                        .param("town", "kaunas").param("lat", "").param("lon", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The coordinates of Kaunas were filled in.")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"lat\" name=\"lat\" value=\"54\\.\\d+\".*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"lon\" name=\"lon\" value=\"23\\.\\d+\".*")))
                .andExpect(content().string(containsString("value=\"Kauno filialas\"")))
                .andExpect(content().string(containsString("id=\"town\" name=\"town\" value=\"Kaunas\"")));
        mvc.perform(post("/staff/organisations/" + organisation + "/venues").with(user(editor)).with(csrf()).header("Accept-Language", "en")
                        .param("locate", "town").param("town", "Atlantis"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We could not find “Atlantis” among the towns of this site.")));
        assertThat(organisations.venuesOf(organisation)).isEmpty();
    }

    @Test
    void aSavedVenueKeepsItsHoursAccessibilityAndAreaAndCanBeChanged() throws Exception {
        long area = lithuanianArea();
        mvc.perform(post("/staff/organisations/" + organisation + "/venues").with(user(editor)).with(csrf())
                        .param("kind", "LIBRARY_BRANCH").param("name[lt]", "Žaliakalnio filialas").param("name[en]", "Žaliakalnis branch")
                        .param("address", "Savanorių pr. 1").param("town", "Kaunas").param("areaId", String.valueOf(area))
                        .param("lat", "54,9027").param("lon", "23.9096")
                        .param("hours[MONDAY]", "10:00–18:00").param("hours[SUNDAY]", "")
                        .param("accessibility", "STEP_FREE", "QUIET_ROOM"))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation + "?venueSaved"));

        List<VenueSummary> venues = organisations.venuesOf(organisation);
        assertThat(venues).hasSize(1);
        VenueSummary venue = venues.getFirst();
        assertThat(venue.name().in("lt")).isEqualTo("Žaliakalnio filialas");
        assertThat(venue.lat()).isEqualTo(54.9027);
        assertThat(venue.areaId()).isEqualTo(area);
        assertThat(venue.siteId()).isEqualTo(lithuania());
        assertThat(venue.accessibility()).containsExactlyInAnyOrder(AccessibilityFact.STEP_FREE, AccessibilityFact.QUIET_ROOM);
        assertThat(organisations.venue(venue.id())).contains(venue);
        assertThat(jdbc.sql("SELECT opening_hours::text FROM venue WHERE id = ?").param(venue.id()).query(String.class).single())
                .isEqualTo("{\"MONDAY\": \"10:00–18:00\"}");

        mvc.perform(get("/staff/organisations/" + organisation + "/venues/" + venue.id()).with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"10:00–18:00\"")))
                .andExpect(content().string(matchesPattern("(?s).*value=\"QUIET_ROOM\"[^>]*checked.*")));
        mvc.perform(post("/staff/organisations/" + organisation + "/venues/" + venue.id()).with(user(editor)).with(csrf())
                        .param("kind", "INTERNET_ACCESS_POINT").param("name[lt]", "Žaliakalnio prieigos taškas")
                        .param("address", "Savanorių pr. 1").param("town", "Kaunas").param("lat", "54.9").param("lon", "23.9"))
                .andExpect(redirectedUrl("/staff/organisations/" + organisation + "?venueSaved"));
        VenueSummary changed = organisations.venue(venue.id()).orElseThrow();
        assertThat(changed.name().in("lt")).isEqualTo("Žaliakalnio prieigos taškas");
        assertThat(changed.accessibility()).isEmpty();
        assertThat(changed.areaId()).isNull();
    }

    private long lithuanianArea() {
        return jdbc.sql("SELECT id FROM area WHERE site_id = ? ORDER BY id LIMIT 1").param(lithuania()).query(Long.class).single();
    }

    private long ukrainianArea() {
        return jdbc.sql("SELECT id FROM area WHERE site_id = ? ORDER BY id LIMIT 1").param(ukraine()).query(Long.class).single();
    }
}
