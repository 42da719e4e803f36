package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.http.MediaType;

class OrganisationApiTest extends OrganisationsWebTest {

    CurrentAccount editor;
    long approved;
    long pending;
    long approvedVenue;
    long pendingVenue;

    @BeforeEach
    void organisations() {
        editor = person("Api Editor", "en");
        approved = organisation(lithuania(), "Api Approved Library", "APPROVED", person("Owner", "en"));
        member(approved, editor, StaffRole.EDITOR);
        pending = organisation(lithuania(), "Api Pending Library", "PENDING", person("Owner", "en"));
        approvedVenue = venue(approved, "Api Branch");
        pendingVenue = venue(pending, "Api Hidden Branch");
    }

    @Test
    void organisationsAreListedInPagesWithTheirTotal() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) approved)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) pending))));
        mvc.perform(get("/api/v1/organisations/" + approved))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name.en").value("Api Approved Library"))
                .andExpect(jsonPath("$.kind").value("LIBRARY"))
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.email").value("desk@example.org"));
        mvc.perform(get("/api/v1/organisations/" + pending).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("error.not-found"));
        mvc.perform(get("/ukraina/api/v1/organisations/" + approved)).andExpect(status().isNotFound());
    }

    @Test
    void badPagingIsAnsweredPerParameter() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("page", "0").param("size", "1000").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").value("The page number starts at 1."))
                .andExpect(jsonPath("$.errors.size").value("The page size must be from 1 to 100."));
        mvc.perform(get("/api/v1/venues").param("organisation", "many")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisation").exists());
    }

    @Test
    void venuesAreFilteredByOrganisationAndOnlyPublicOnesAreShown() throws Exception {
        mvc.perform(get("/api/v1/venues").param("organisation", String.valueOf(approved)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(approvedVenue))
                .andExpect(jsonPath("$.items[0].organisationId").value(approved))
                .andExpect(jsonPath("$.items[0].name.en").value("Api Branch"))
                .andExpect(jsonPath("$.items[0].openingHours.MONDAY").value("10:00–18:00"))
                .andExpect(jsonPath("$.items[0].accessibility[0]").value("STEP_FREE"))
                .andExpect(jsonPath("$.items[0].accessibility[1]").value("HEARING_LOOP"))
                .andExpect(jsonPath("$.items[0].lat").value(54.6872));
        mvc.perform(get("/api/v1/venues").param("organisation", String.valueOf(pending)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/venues").param("organisation", String.valueOf(approved)).param("area", "-1"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/venues/" + approvedVenue)).andExpect(status().isOk()).andExpect(jsonPath("$.town").value("Vilnius"));
        mvc.perform(get("/api/v1/venues/" + pendingVenue)).andExpect(status().isNotFound());
    }

    @Test
    void anEditorCreatesAndReplacesAVenue() throws Exception {
        long area = jdbc.sql("SELECT id FROM area WHERE site_id = ? ORDER BY id LIMIT 1").param(lithuania()).query(Long.class).single();
        var created = mvc.perform(post("/api/v1/venues").with(user(editor)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": %d, "kind": "INTERNET_ACCESS_POINT", "name": {"lt": "Prieigos taškas", "en": "Access point"},
                         "address": "Laisvės al. 1", "town": "Kaunas", "areaId": %d, "lat": 54.8985, "lon": 23.9036,
                         "openingHours": {"TUESDAY": "9–17"}, "accessibility": ["COMPUTERS", "STEP_FREE"]}
                        """.formatted(approved, area)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("http://localhost/api/v1/venues/\\d+")))
                .andExpect(jsonPath("$.name.lt").value("Prieigos taškas"))
                .andExpect(jsonPath("$.areaId").value(area))
                .andExpect(jsonPath("$.openingHours.TUESDAY").value("9–17"))
                .andExpect(jsonPath("$.accessibility.length()").value(2))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getHeader("Location").replaceAll(".*/", ""));
        assertThat(jdbc.sql("SELECT organisation_id FROM venue WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(approved);

        mvc.perform(put("/api/v1/venues/" + id).with(user(editor)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "LIBRARY_BRANCH", "name": {"en": "Renamed point"}, "address": "Laisvės al. 2", "town": "Kaunas",
                         "lat": 54.9, "lon": 23.9}
                        """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name.en").value("Renamed point"))
                .andExpect(jsonPath("$.kind").value("LIBRARY_BRANCH"));
        assertThat(jdbc.sql("SELECT address FROM venue WHERE id = ?").param(id).query(String.class).single()).isEqualTo("Laisvės al. 2");
    }

    @Test
    void wrongInputIsAnsweredWithAMessagePerFieldInThePersonsLanguage() throws Exception {
        mvc.perform(post("/api/v1/venues").with(user(editor)).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("""
                                {"organisationId": %d, "kind": "", "name": {}, "address": "", "town": "Kaunas", "lat": 91, "lon": 23.9}
                                """.formatted(approved)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.invalid-input"))
                .andExpect(jsonPath("$.errors.lat").value("The latitude must be a number from -90 to 90, such as 54.6872."))
                .andExpect(jsonPath("$.errors.kind").value("Please choose one of the options."))
                .andExpect(jsonPath("$.errors.address").exists())
                .andExpect(jsonPath("$.errors.name").value("Please enter the venue’s name in at least one language."));
        mvc.perform(post("/api/v1/venues").with(user(editor)).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "lt")
                        .content("""
                                {"organisationId": %d, "kind": "CASTLE", "name": {"fr": "Château"}, "address": "Laisvės al. 1",
                                 "town": "Kaunas", "lat": 54.9, "lon": 23.9, "accessibility": ["WINGS"], "openingHours": {"FUNDAY": "all day"}}
                                """.formatted(approved)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").value("Pasirinkite vieną iš galimybių."))
                .andExpect(jsonPath("$.errors.name").value("Rašykite svetainės kalbomis: lt, en, uk."))
                .andExpect(jsonPath("$.errors.accessibility").value("Gautas nežinomas prieinamumo požymis."))
                .andExpect(jsonPath("$.errors.openingHours").exists());
        mvc.perform(post("/api/v1/venues").with(user(editor)).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.unreadable-body"));
        assertThat(jdbc.sql("SELECT count(*) FROM venue WHERE organisation_id = ?").param(approved).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void writingNeedsASignedInEditor() throws Exception {
        String body = """
                {"organisationId": %d, "kind": "LIBRARY_BRANCH", "name": {"en": "Nope"}, "address": "A 1", "town": "Kaunas",
                 "lat": 54.9, "lon": 23.9}
                """.formatted(approved);
        mvc.perform(post("/api/v1/venues").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        CurrentAccount educator = person("Api Educator", "en");
        member(approved, educator, StaffRole.EDUCATOR);
        mvc.perform(post("/api/v1/venues").with(user(educator)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/venues").with(user(editor)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"organisationId\": " + approved, "\"organisationId\": 999999999")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/venues/" + approvedVenue).with(user(editor)).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"organisationId\": " + approved, "\"organisationId\": " + pending)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisationId").exists());
    }

    @Test
    void theEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisations'].get.summary").value("Approved organisations of the site, by name, in pages"))
                .andExpect(jsonPath("$.paths['/api/v1/venues'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/venues/{id}'].put").exists());
    }
}
