package org.learningmap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A 12-year-old signs up on a site whose age of digital consent is 14. Until a guardian agrees, they
 * can look around, but no module keeps anything about them beyond the sign-up itself: no place in a
 * session, no saved search, no skills check stored against them, no volunteering, no public
 * portfolio, no playlist, no calendar link, no check-in pass. Once the guardian agrees, all of it works.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MinorsDataIsKeptOnlyWithAGuardiansConsentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    PrivacyFixtures privacy;
    long site;
    long organisation;
    long venue;
    long session;
    long minor;

    @BeforeEach
    void aTwelveYearOldSignsUp() {
        fixtures = new EditingFixtures(jdbc, passwords);
        privacy = new PrivacyFixtures(jdbc, fixtures);
        site = fixtures.site("lietuva");
        organisation = privacy.organisation(site);
        venue = fixtures.venue(site, organisation, "Youth centre", "Vilnius");
        fixtures.topics(site);
        long activity = privacy.activity(site, organisation);
        session = privacy.session(site, organisation, activity, venue, 10);
        int year = java.time.Year.now().getValue() - 12;
        minor = privacy.person("Tadas", year).id();
        jdbc.sql("UPDATE account SET guardian_required = true, site_id = ? WHERE id = ?").params(site, minor).update();
    }

    /** What each module keeps about the person, counted after trying to leave something in each. */
    Map<String, Integer> tryEverything() throws Exception {
        send(post("/lietuva/account/enrolments").param("session", Long.toString(session)));
        send(post("/lietuva/saved-searches").param("name", "Robots").param("query", "q=robots"));
        send(post("/lietuva/skills-check/start").param("kind", "QUICK"));
        send(post("/lietuva/account/volunteering/offer").param("organisation", Long.toString(organisation)).param("roles", "E_SCOUT")
                .param("languages", "lt").param("venues", Long.toString(venue)));
        send(post("/lietuva/account/badges/portfolio").param("handle", "tadas-" + minor).param("shown", "true"));
        send(post("/lietuva/account/playlists").param("name", "My robots path"));
        send(post("/lietuva/account/calendar/link"));
        send(get("/lietuva/account/pass"));
        Map<String, Integer> kept = new LinkedHashMap<>();
        kept.put("enrolment", count("SELECT count(*) FROM enrolment WHERE account_id = ?"));
        kept.put("saved search", count("SELECT count(*) FROM saved_search WHERE account_id = ?"));
        kept.put("skills check", count("SELECT count(*) FROM assessment_attempt WHERE account_id = ?"));
        kept.put("volunteer", count("SELECT count(*) FROM volunteer WHERE account_id = ?"));
        kept.put("public portfolio", count("SELECT count(*) FROM portfolio WHERE account_id = ?"));
        kept.put("playlist", count("SELECT count(*) FROM personal_playlist WHERE account_id = ?"));
        kept.put("calendar link", count("SELECT count(*) FROM personal_calendar_feed WHERE account_id = ?"));
        kept.put("check-in pass", count("SELECT count(*) FROM check_in_pass WHERE account_id = ?"));
        return kept;
    }

    void send(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(user(fixtures.principal(minor))).with(csrf()).param("lang", "en")).andReturn();
    }

    int count(String sql) {
        return jdbc.sql(sql).param(minor).query(Integer.class).single();
    }

    @Test
    void withoutAGuardiansConsentNothingIsKeptBeyondTheSignUpAndWithItEverythingWorks() throws Exception {
        Map<String, Integer> before = tryEverything();
        assertThat(before).as("kept about a minor without a guardian's consent").allSatisfy((what, rows) -> assertThat(rows).as(what).isZero());

        jdbc.sql("""
                        INSERT INTO consent_record (account_id, site_id, purpose, method, guardian_name, guardian_contact, given_at)
                        VALUES (?, ?, 'PERSONAL_DATA', 'PAPER', 'Asta', '+37060011122', now())
                        """).params(minor, site).update();

        Map<String, Integer> after = tryEverything();
        assertThat(after).as("kept once the guardian agreed").allSatisfy((what, rows) -> assertThat(rows).as(what).isPositive());
    }

    @Test
    void theMinorIsToldWhyInTheirLanguage() throws Exception {
        String page = mvc.perform(post("/lietuva/saved-searches").with(user(fixtures.principal(minor))).with(csrf())
                        .param("name", "Robots").param("query", "q=robots").param("lang", "lt"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("pirmiausia turi sutikti vienas iš tėvų arba globėjas");
    }
}
