package org.learningmap.recognition.earning;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.Recognition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two organisations of the Lithuanian site: an educator of the first (whose badges are awarded here),
 * an editor of the second, and learners; an activity of the first with its badge and a session.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class EarningTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Recognition recognition;

    EditingFixtures fixtures;
    long lietuva;
    long orgA;
    long orgB;
    long educatorA;
    long editorB;
    long learner;
    long activity;
    long session;
    Badge badge;

    @BeforeEach
    void anOrganisationWithAnActivityBadge() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        orgA = fixtures.organisation(lietuva, "Earning library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Earning centre B", "APPROVED");
        educatorA = fixtures.account("Educator A");
        editorB = fixtures.account("Editor B");
        learner = fixtures.account("Learner L");
        fixtures.member(educatorA, orgA, "EDUCATOR");
        fixtures.member(editorB, orgB, "EDITOR");
        activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, audiences, languages, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en":"Video calls with family","lt":"Vaizdo skambučiai"}'::jsonb,
                                '{ADULTS}', '{lt}', now())
                        RETURNING id
                        """).params(lietuva, orgA).query(Long.class).single();
        Instant start = Instant.now().minus(Duration.ofHours(2));
        session = jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, online_url, starts_at, ends_at, capacity)
                        VALUES (?, ?, ?, 'https://meet.example.org/room', ?, ?, 20) RETURNING id
                        """)
                .params(lietuva, orgA, activity, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofHours(1))))
                .query(Long.class).single();
        badge = recognition.ensureActivityBadge(activity);
    }

    /** A person marked present at the session (by tap, as the roster records it). */
    long present(String name) {
        long person = fixtures.account(name);
        jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, account_id, status, method, recorded_at)
                        VALUES (?, ?, ?, ?, ?, 'PRESENT', 'TAP', now())
                        """)
                .params(lietuva, orgA, activity, session, person).update();
        return person;
    }

    RequestPostProcessor as(long accountId) {
        return user(fixtures.principal(accountId));
    }

    int awards(long badgeId) {
        return jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ?").param(badgeId).query(Integer.class).single();
    }

    String path(long badgeId, long accountId) {
        return jdbc.sql("SELECT path FROM award WHERE badge_id = ? AND account_id = ?").params(badgeId, accountId)
                .query(String.class).optional().orElse(null);
    }
}
