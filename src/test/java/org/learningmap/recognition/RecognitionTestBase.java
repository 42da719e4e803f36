package org.learningmap.recognition;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two organisations of the Lithuanian site, an editor and an educator of the first and an editor of
 * the second, and a learner: what the recognition tests start from.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
abstract class RecognitionTestBase {

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
    long editorA;
    long educatorA;
    long editorB;
    long learner;

    @BeforeEach
    void organisations() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        orgA = fixtures.organisation(lietuva, "Badge library A", "APPROVED");
        orgB = fixtures.organisation(lietuva, "Badge youth centre B", "APPROVED");
        editorA = fixtures.account("Editor A");
        educatorA = fixtures.account("Educator A");
        editorB = fixtures.account("Editor B");
        learner = fixtures.account("Learner L");
        fixtures.member(editorA, orgA, "EDITOR");
        fixtures.member(educatorA, orgA, "EDUCATOR");
        fixtures.member(editorB, orgB, "EDITOR");
    }

    /** A hand-made badge of organisation A. */
    Badge customBadge(String name) {
        return recognition.createBadge(lietuva, orgA, BadgeSource.CUSTOM, null, LocalizedText.of("en", name),
                LocalizedText.of("en", "For " + name), LocalizedText.of("en", "Did " + name), List.of("test"), List.of(), null);
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    static AwardRequest toAccount(long badgeId, long accountId, String key) {
        return new AwardRequest(badgeId, accountId, null, null, AwardPath.EDUCATOR, null, null, null, key);
    }

    int awardsOf(long badgeId) {
        return jdbc.sql("SELECT count(*) FROM award WHERE badge_id = ?").param(badgeId).query(Integer.class).single();
    }
}
