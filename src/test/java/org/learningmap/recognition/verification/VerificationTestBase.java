package org.learningmap.recognition.verification;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** A library on the Lithuanian site with an editor, a badge aligned to DigComp, and a learner to award it to. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class VerificationTestBase {

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
    long library;
    long editor;
    long learner;

    @BeforeEach
    void library() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        library = fixtures.organisation(lietuva, "Šiaulių biblioteka " + UUID.randomUUID().toString().substring(0, 6), "APPROVED");
        editor = fixtures.account("Editor " + UUID.randomUUID().toString().substring(0, 6));
        learner = fixtures.account("Learner " + UUID.randomUUID().toString().substring(0, 6));
        fixtures.member(editor, library, "EDITOR");
    }

    Badge badge(String name) {
        return recognition.createBadge(lietuva, library, BadgeSource.CUSTOM, null,
                LocalizedText.of(name, name + " (lt)", name + " (uk)"),
                LocalizedText.of("en", "Pays bills and transfers money online safely."),
                LocalizedText.of("en", "Attended four of five sessions and made a safe payment."), List.of("banking"),
                List.of(new Alignment("digcomp-2.2", "4.2", "Protecting personal data and privacy", null)), null);
    }

    Award award(Badge badge, String recipientName) {
        return recognition.award(new AwardRequest(badge.id(), learner, null, recipientName, AwardPath.EDUCATOR, null, null, editor,
                "test:" + UUID.randomUUID())).award();
    }

    Award revoked(Award award, String reason) {
        recognition.revoke(award.id(), reason, editor);
        return recognition.award(award.id()).orElseThrow();
    }
}
