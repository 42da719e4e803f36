package org.learningmap.enrolment;

import org.junit.jupiter.api.BeforeEach;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two organisations of the Lithuanian site, each with staff, and a way to publish an activity with
 * sessions of a given capacity: what every enrolment test starts from.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class EnrolmentTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Enrolments enrolments;

    EditingFixtures fixtures;
    long lietuva;
    long orgA;
    long orgB;
    long editorA;
    long educatorA;
    long editorB;
    long venueA;

    @BeforeEach
    void organisations() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        orgA = fixtures.organisation(lietuva, "Town library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Youth centre B", "APPROVED");
        editorA = fixtures.account("Editor A");
        educatorA = fixtures.account("Educator A");
        editorB = fixtures.account("Editor B");
        fixtures.member(editorA, orgA, "EDITOR");
        fixtures.member(educatorA, orgA, "EDUCATOR");
        fixtures.member(editorB, orgB, "EDITOR");
        venueA = fixtures.venue(lietuva, orgA, "Central library", "Vilnius");
    }

    long person(String name) {
        return fixtures.account(name);
    }

    long person(String name, String language) {
        long id = fixtures.account(name);
        jdbc.sql("UPDATE account SET preferred_language = ? WHERE id = ?").params(language, id).update();
        return id;
    }

    /** A published activity of organisation A of this kind, with one session in {@code days} days. */
    long activity(String kind) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        VALUES (?, ?, ?, 'PUBLISHED', '{"lt": "Kompiuterio pradmenys", "en": "Computer basics", "uk": "Основи комп’ютера"}',
                                '{"en": "Mouse and keyboard"}', now())
                        RETURNING id
                        """)
                .params(lietuva, orgA, kind).query(Long.class).single();
    }

    long session(long activityId, Integer capacity, int days) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, ?, now() + make_interval(days => ?), now() + make_interval(days => ?, mins => 90), ?)
                        RETURNING id
                        """)
                .params(lietuva, orgA, activityId, venueA, days, days, capacity).query(Long.class).single();
    }

    /** A published class of organisation A with one session in ten days with this many places. */
    long classSession(Integer capacity) {
        return session(activity("CLASS"), capacity, 10);
    }

    long activityOf(long sessionId) {
        return jdbc.sql("SELECT activity_id FROM session WHERE id = ?").param(sessionId).query(Long.class).single();
    }

    String statusOf(long enrolmentId) {
        return jdbc.sql("SELECT status FROM enrolment WHERE id = ?").param(enrolmentId).query(String.class).single();
    }

    int confirmedInPool(long sessionId) {
        return jdbc.sql("SELECT confirmed FROM place_pool WHERE session_id = ?").param(sessionId).query(Integer.class).single();
    }

    EnrolmentOutcome signUp(long sessionId, long accountId) {
        return enrolments.enrol(sessionId, accountId, EnrolmentSource.SELF, null, java.util.Map.of(), null);
    }
}
