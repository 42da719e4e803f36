package org.learningmap.catalogue.editing;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two organisations of the Lithuanian site, each with an editor, one with an educator and a venue,
 * and the site's topics: what every staff catalogue test starts from.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class EditingTestBase {

    static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    long lietuva;
    long orgA;
    long orgB;
    long editorA;
    long educatorA;
    long editorB;
    long venueA;
    long venueB;

    @BeforeEach
    void organisations() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        fixtures.topics(lietuva);
        orgA = fixtures.organisation(lietuva, "Town library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Youth centre B", "APPROVED");
        editorA = fixtures.account("Editor A");
        educatorA = fixtures.account("Educator A");
        editorB = fixtures.account("Editor B");
        fixtures.member(editorA, orgA, "EDITOR");
        fixtures.member(educatorA, orgA, "EDUCATOR");
        fixtures.member(editorB, orgB, "EDITOR");
        venueA = fixtures.venue(lietuva, orgA, "Central library", "Vilnius");
        venueB = fixtures.venue(lietuva, orgB, "Youth centre", "Kaunas");
    }

    CurrentAccount as(long accountId) {
        return fixtures.principal(accountId);
    }

    static LocalDate inDays(int days) {
        return LocalDate.now(VILNIUS).plusDays(days);
    }

    String statusOf(long activityId) {
        return jdbc.sql("SELECT status FROM activity WHERE id = ?").param(activityId).query(String.class).single();
    }

    int sessions(long activityId) {
        return jdbc.sql("SELECT count(*) FROM session WHERE activity_id = ?").param(activityId).query(Integer.class).single();
    }

    int activitiesOf(long organisationId) {
        return jdbc.sql("SELECT count(*) FROM activity WHERE organisation_id = ?").param(organisationId).query(Integer.class).single();
    }

    /** A draft of organisation A with one future session, inserted directly. */
    long draftWithSession(long organisationId, long venueId) {
        long id = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, title, summary)
                        VALUES (?, ?, 'CLASS', '{"lt": "Kompiuterio pradmenys", "en": "Computer basics"}', '{"en": "Mouse and keyboard"}')
                        RETURNING id
                        """)
                .params(lietuva, organisationId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, now() + interval '10 days', now() + interval '10 days 90 minutes')
                        """)
                .params(lietuva, organisationId, id, venueId).update();
        return id;
    }

    long firstSession(long activityId) {
        return jdbc.sql("SELECT min(id) FROM session WHERE activity_id = ?").param(activityId).query(Long.class).single();
    }
}
