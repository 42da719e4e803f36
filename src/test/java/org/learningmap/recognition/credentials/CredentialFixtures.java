package org.learningmap.recognition.credentials;

import java.util.List;
import java.util.UUID;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.learningmap.recognition.Alignment;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.AwardPath;
import org.learningmap.recognition.AwardRequest;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeSource;
import org.learningmap.recognition.Recognition;
import org.learningmap.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An issuing library with an editor, a badge aligned to DigComp and ESCO, and awards of it. */
final class CredentialFixtures {

    final EditingFixtures fixtures;
    final Recognition recognition;
    final long site;
    final long organisation;
    final long editor;
    final long learner;

    CredentialFixtures(JdbcClient jdbc, PasswordEncoder passwords, Recognition recognition) {
        this.fixtures = new EditingFixtures(jdbc, passwords);
        this.recognition = recognition;
        site = fixtures.site("lietuva");
        organisation = fixtures.organisation(site, "Credentials library " + UUID.randomUUID(), "APPROVED");
        editor = fixtures.account("Credentials editor");
        learner = fixtures.account("Credentials learner");
        fixtures.member(editor, organisation, "EDITOR");
    }

    Badge badge(String name) {
        return recognition.createBadge(site, organisation, BadgeSource.CUSTOM, null,
                LocalizedText.of(name, name + " (lt)", name + " (uk)"),
                LocalizedText.of("en", "Recognises " + name), LocalizedText.of("en", "Attended and practised " + name),
                List.of("digital skills"),
                List.of(new Alignment("digcomp-2.2", "4.2", "Protecting personal data and privacy", null),
                        new Alignment("esco", "S5.6.1", "use online banking",
                                "http://data.europa.eu/esco/skill/0b2a5d6c-7f3e-4e0a-9a53-1d8b9f0c2d11")),
                365);
    }

    Award toEmail(Badge badge, String email) {
        return recognition.award(new AwardRequest(badge.id(), null, email, "Test Learner", AwardPath.EDUCATOR,
                "Practised safe payments", "https://example.org/evidence/1", editor, "credentials:" + UUID.randomUUID())).award();
    }

    Award toLearner(Badge badge) {
        return recognition.award(new AwardRequest(badge.id(), learner, null, null, AwardPath.EDUCATOR, null, null, editor,
                "credentials:" + UUID.randomUUID())).award();
    }
}
