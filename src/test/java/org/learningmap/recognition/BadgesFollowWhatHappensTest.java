package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learningmap.assessment.Band;
import org.learningmap.assessment.SkillsBandReached;
import org.learningmap.catalogue.ActivityPublished;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.network.VolunteerMilestoneReached;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Badges made and awarded by what happens in other modules. */
class BadgesFollowWhatHappensTest extends RecognitionTestBase {

    @Autowired
    BadgeRules rules;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPublishedActivityGetsItsBadgeInItsLanguagesWithItsCompetencesAndTopics() throws Exception {
        long activity = activity("COURSE", new String[] {"1.1", "3.1"});
        fixtures.topics(lietuva);
        jdbc.sql("INSERT INTO activity_topic (activity_id, topic_id) SELECT ?, id FROM topic WHERE site_id = ? AND slug = 'online-safety'")
                .params(activity, lietuva).update();

        transactions.executeWithoutResult(tx -> publisher.publishEvent(new ActivityPublished(activity, lietuva, orgA, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> recognition.badgeOfActivity(activity).isPresent());
        Badge badge = recognition.badgeOfActivity(activity).orElseThrow();
        assertThat(badge.organisationId()).isEqualTo(orgA);
        assertThat(badge.source()).isEqualTo(BadgeSource.ACTIVITY);
        assertThat(badge.name().in("lt")).isEqualTo("Išmanusis telefonas");
        assertThat(badge.name().in("uk")).isEqualTo("Смартфон");
        assertThat(badge.criteria().in("en")).isEqualTo("Took part in \u201cSmartphone\u201d and attended its sessions.");
        assertThat(badge.criteria().in("lt")).contains("„Išmanusis telefonas“");
        assertThat(badge.description().in("en")).isEqualTo("Calls and messages");
        assertThat(badge.alignments()).extracting(Alignment::framework, Alignment::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("digcomp-2.2", "1.1"), org.assertj.core.groups.Tuple.tuple("digcomp-2.2", "3.1"));
        assertThat(badge.alignments().getFirst().name()).isEqualTo("Browsing, searching and filtering data, information and digital content");
        assertThat(badge.tags()).containsExactly("Online safety");
        assertThat(recognition.badgesOfOrganisation(orgA)).extracting(Badge::id).contains(badge.id());
        assertThat(recognition.ensureActivityBadge(activity).id()).isEqualTo(badge.id());

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(recognition.imagePng(badge.id()).bytes()));
        assertThat(png.getWidth()).isEqualTo(512);
        assertThat(png.getHeight()).isEqualTo(512);
        assertThat(recognition.imagePng(badge.id()).contentType()).isEqualTo("image/png");
        assertThat(recognition.imageSvg(badge.id())).contains("<svg", "<title>Išmanusis telefonas</title>", ">IT</text>");
    }

    @Test
    void attendingFourOfTheFiveSessionsOfACourseEarnsItsBadgeOnce() {
        long course = activity("COURSE", new String[0]);
        long[] sessions = new long[5];
        for (int i = 0; i < 5; i++) {
            sessions[i] = session(course, -(30 - i * 7));
        }
        Badge badge = recognition.ensureActivityBadge(course);

        for (int i = 0; i < 3; i++) {
            attend(course, sessions[i], learner);
        }
        assertThat(recognition.awardsOfBadge(badge.id())).isEmpty();

        attend(course, sessions[3], learner);
        assertThat(recognition.awardsOfBadge(badge.id())).singleElement().satisfies(award -> {
            assertThat(award.path()).isEqualTo(AwardPath.ATTENDANCE);
            assertThat(award.accountId()).isEqualTo(learner);
        });

        attend(course, sessions[4], learner);
        assertThat(recognition.awardsOfBadge(badge.id())).hasSize(1);
        assertThat(jdbc.sql("SELECT idempotency_key FROM award WHERE badge_id = ?").param(badge.id()).query(String.class).single())
                .isEqualTo("attendance:" + badge.id() + ":" + learner);
    }

    @Test
    void aWithdrawnAttendanceBelowTheShareRevokesTheAttendanceBadgeWithAReason() {
        long course = activity("COURSE", new String[0]);
        long[] sessions = new long[5];
        for (int i = 0; i < 5; i++) {
            sessions[i] = session(course, -(30 - i * 7));
        }
        Badge badge = recognition.ensureActivityBadge(course);
        for (int i = 0; i < 5; i++) {
            attend(course, sessions[i], learner);
        }
        Award award = recognition.awardsOfBadge(badge.id()).getFirst();

        // Five of five, one withdrawn: four of five is still 80 %, the badge stays.
        withdraw(course, sessions[4], learner);
        assertThat(recognition.award(award.id()).orElseThrow().revoked()).isFalse();

        // Another withdrawn, heard through the event after its transaction: three of five is below, the badge goes.
        withdraw(course, sessions[3], learner);
        await().atMost(Duration.ofSeconds(10)).until(() -> recognition.award(award.id()).orElseThrow().revoked());
        Award revoked = recognition.award(award.id()).orElseThrow();
        assertThat(revoked.revocationReason()).isEqualTo(recognition.text(BadgeRules.ATTENDANCE_WITHDRAWN, revoked.language()));
        assertThat(revoked.revocationReason()).isNotBlank().doesNotContain("recognition.revoke");
        assertThat(jdbc.sql("SELECT revoked_by FROM award WHERE id = ?").param(award.id()).query(Long.class).optional()
                .filter(java.util.Objects::nonNull)).isEmpty();
        // Hearing it again changes nothing.
        rules.attendanceWithdrawn(new AttendanceWithdrawn(lietuva, orgA, course, sessions[3], learner, Instant.now()));
        assertThat(recognition.award(award.id()).orElseThrow().revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void aWithdrawnAttendanceLeavesABadgeEarnedAnotherWay() {
        long lesson = activity("CLASS", new String[0]);
        long session = session(lesson, -1);
        Badge badge = recognition.ensureActivityBadge(lesson);
        Award given = recognition.award(new AwardRequest(badge.id(), learner, null, null, AwardPath.EDUCATOR, null, null, null, null)).award();
        attend(lesson, session, learner);
        withdraw(lesson, session, learner);
        rules.attendanceWithdrawn(new AttendanceWithdrawn(lietuva, orgA, lesson, session, learner, Instant.now()));
        assertThat(recognition.award(given.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void aBadgeAskingForAllSessionsWaitsForTheLast() {
        long course = activity("COURSE", new String[0]);
        long first = session(course, -14);
        long second = session(course, -7);
        Badge badge = recognition.ensureActivityBadge(course);
        jdbc.sql("UPDATE badge SET attendance_percent = 100 WHERE id = ?").param(badge.id()).update();

        attend(course, first, learner);
        assertThat(recognition.awardsOfBadge(badge.id())).isEmpty();
        attend(course, second, learner);
        assertThat(recognition.awardsOfBadge(badge.id())).hasSize(1);
    }

    @Test
    void theOneSessionOfAClassIsEnoughAndAWalkInWithoutAccountGetsNothing() {
        long lesson = activity("CLASS", new String[0]);
        long session = session(lesson, -1);

        rules.attended(new AttendanceRecorded(lietuva, orgA, lesson, session, null, AttendanceMethod.WALK_IN, Instant.now()));
        attend(lesson, session, learner);

        Badge badge = recognition.badgeOfActivity(lesson).orElseThrow();
        assertThat(recognition.awardsOfBadge(badge.id())).extracting(Award::accountId).containsExactly(learner);
    }

    @Test
    void aSkillsBandEarnsTheSitesBadgeForItIssuedByTheSiteIssuer() {
        rules.bandReached(new SkillsBandReached(lietuva, learner, "digcomp-2.2", "4", Band.INTERMEDIATE, Instant.now()));
        rules.bandReached(new SkillsBandReached(lietuva, learner, "digcomp-2.2", "4", Band.INTERMEDIATE, Instant.now()));
        rules.bandReached(new SkillsBandReached(lietuva, null, "digcomp-2.2", "4", Band.INTERMEDIATE, Instant.now()));

        List<Award> awards = recognition.awardsOf(learner).stream().filter(a -> a.path() == AwardPath.SKILLS_CHECK).toList();
        assertThat(awards).hasSize(1);
        Badge badge = recognition.badge(awards.getFirst().badgeId()).orElseThrow();
        assertThat(badge.source()).isEqualTo(BadgeSource.SKILLS_BAND);
        assertThat(badge.name().in("en")).isEqualTo("Safety: Intermediate");
        assertThat(badge.name().in("lt")).endsWith(": Vidutinis");
        assertThat(badge.alignments()).extracting(Alignment::code).containsExactly("4.1", "4.2", "4.3", "4.4");
        assertThat(jdbc.sql("SELECT slug FROM organisation WHERE id = ?").param(badge.organisationId()).query(String.class).single())
                .isEqualTo("site--issuer");

        long other = fixtures.account("Other learner");
        rules.bandReached(new SkillsBandReached(lietuva, other, "digcomp-2.2", "4", Band.INTERMEDIATE, Instant.now()));
        assertThat(recognition.awardsOf(other)).extracting(Award::badgeId).containsExactly(badge.id());
    }

    @Test
    void aVolunteerMilestoneEarnsTheSitesBadgeForIt() {
        rules.milestoneReached(new VolunteerMilestoneReached(lietuva, learner, 50, Instant.now()));
        rules.milestoneReached(new VolunteerMilestoneReached(lietuva, learner, 50, Instant.now()));

        List<Award> awards = recognition.awardsOf(learner).stream().filter(a -> a.path() == AwardPath.VOLUNTEER_HOURS).toList();
        assertThat(awards).hasSize(1);
        Badge badge = recognition.badge(awards.getFirst().badgeId()).orElseThrow();
        assertThat(badge.source()).isEqualTo(BadgeSource.VOLUNTEER_HOURS);
        assertThat(badge.sourceId()).isEqualTo(50L);
        assertThat(badge.name().in("en")).isEqualTo("50 hours of volunteering");
        assertThat(badge.name().in("uk")).isEqualTo("50 годин волонтерства");
    }

    // --- fixtures

    long activity(String kind, String[] digcomp) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, digcomp, published_at)
                        VALUES (?, ?, ?, 'PUBLISHED', '{"lt": "Išmanusis telefonas", "en": "Smartphone", "uk": "Смартфон"}',
                                '{"en": "Calls and messages"}', ?, now())
                        RETURNING id
                        """)
                .params(lietuva, orgA, kind, digcomp).query(Long.class).single();
    }

    long session(long activityId, int days) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, starts_at, ends_at, online_url)
                        VALUES (?, ?, ?, now() + make_interval(days => ?), now() + make_interval(days => ?, mins => 90), 'https://meet.example.org/x')
                        RETURNING id
                        """)
                .params(lietuva, orgA, activityId, days, days).query(Long.class).single();
    }

    void withdraw(long activityId, long sessionId, long accountId) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM attendance WHERE session_id = ? AND account_id = ?").params(sessionId, accountId).update();
            publisher.publishEvent(new AttendanceWithdrawn(lietuva, orgA, activityId, sessionId, accountId, Instant.now()));
        });
    }

    void attend(long activityId, long sessionId, long accountId) {
        jdbc.sql("""
                        INSERT INTO attendance (site_id, organisation_id, activity_id, session_id, account_id, status, method, recorded_at)
                        VALUES (?, ?, ?, ?, ?, 'PRESENT', 'TAP', now())
                        """)
                .params(lietuva, orgA, activityId, sessionId, accountId).update();
        rules.attended(new AttendanceRecorded(lietuva, orgA, activityId, sessionId, accountId, AttendanceMethod.TAP, Instant.now()));
    }
}
