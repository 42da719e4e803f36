package org.learningmap.enrolment.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.enrolment.AttendanceMethod;
import org.learningmap.enrolment.AttendanceRecorded;
import org.learningmap.enrolment.AttendanceWithdrawn;
import org.learningmap.enrolment.CheckInPasses;
import org.learningmap.enrolment.NoShowRecorded;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The rules of attendance, and the events other modules hear. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class AttendanceRulesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rosters rosters;

    @Autowired
    Catalogue catalogue;

    @Autowired
    CheckInPasses passes;

    @Autowired
    ApplicationEvents events;

    AttendanceFixture fixture;
    CurrentAccount educator;
    CurrentAccount ona;
    CurrentAccount jonas;
    CurrentAccount waiting;
    CurrentAccount stranger;
    long organisation;
    long activity;
    long sessionId;
    long pool;
    long onaPlace;
    long jonasPlace;

    @BeforeEach
    void aSessionWithTwoPlacesTaken() {
        fixture = new AttendanceFixture(jdbc);
        long site = fixture.site("lietuva");
        organisation = fixture.organisation(site, "Rules Library");
        educator = fixture.person("Edita Educator");
        fixture.staff(organisation, educator, "EDUCATOR");
        activity = fixture.activity(organisation, "CLASS", "Smartphone basics");
        Instant start = Instant.now().minus(Duration.ofMinutes(15));
        sessionId = fixture.session(activity, start, start.plus(Duration.ofHours(2)), 3);
        pool = fixture.pool(activity, sessionId, 3);
        ona = fixture.person("Ona Onaitė");
        jonas = fixture.person("Jonas Jonaitis");
        waiting = fixture.person("Vida Waiting");
        stranger = fixture.person("Stasys Stranger");
        onaPlace = fixture.enrol(pool, ona, "CONFIRMED");
        jonasPlace = fixture.enrol(pool, jonas, "CONFIRMED");
        fixture.enrol(pool, waiting, "WAITLISTED");
    }

    SessionFacts session() {
        return catalogue.session(sessionId).orElseThrow();
    }

    @Test
    void markingSomeoneTwiceRecordsThemOnceAndTellsOtherModulesOnce() {
        assertThat(rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id())).isTrue();
        assertThat(rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id())).isFalse();
        assertThat(rosters.byPass(session(), passes.passFor(ona.id()).code(), educator.id()).newlyPresent()).isFalse();

        assertThat(fixture.attendanceRows(sessionId)).isEqualTo(1);
        assertThat(events.stream(AttendanceRecorded.class)).singleElement().satisfies(event -> {
            assertThat(event.sessionId()).isEqualTo(sessionId);
            assertThat(event.activityId()).isEqualTo(activity);
            assertThat(event.organisationId()).isEqualTo(organisation);
            assertThat(event.accountId()).isEqualTo(ona.id());
            assertThat(event.method()).isEqualTo(AttendanceMethod.TAP);
        });
    }

    @Test
    void aPassMarksItsHolderPresentAndSaysWhoItIs() {
        String code = passes.passFor(jonas.id()).code();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(passes.passFor(jonas.id()).code()).as("a person keeps one pass").isEqualTo(code);

        Rosters.PassResult result = rosters.byPass(session(), code.toLowerCase(Locale.ROOT).replace("-", " "), educator.id());

        assertThat(result.enrolled()).isTrue();
        assertThat(result.newlyPresent()).isTrue();
        assertThat(result.name()).isEqualTo("Jonas Jonaitis");
        assertThat(fixture.attendanceOf(sessionId, jonas.id())).isEqualTo("PRESENT");
        assertThat(events.stream(AttendanceRecorded.class)).singleElement()
                .satisfies(event -> assertThat(event.method()).isEqualTo(AttendanceMethod.PASS));
    }

    @Test
    void aPassOfSomeoneWithoutAPlaceMarksNobody() {
        Rosters.PassResult onTheWaitlist = rosters.byPass(session(), passes.passFor(waiting.id()).code(), educator.id());
        Rosters.PassResult notSignedUp = rosters.byPass(session(), passes.passFor(stranger.id()).code(), educator.id());

        assertThat(onTheWaitlist.enrolled()).isFalse();
        assertThat(notSignedUp.enrolled()).isFalse();
        assertThat(notSignedUp.name()).isEqualTo("Stasys Stranger");
        assertThat(fixture.attendanceRows(sessionId)).isZero();
        assertThat(events.stream(AttendanceRecorded.class)).isEmpty();
        assertThatThrownBy(() -> rosters.byPass(session(), "ZZZZ-ZZZZ", educator.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.UNKNOWN_PASS));
    }

    @Test
    void onlyPeopleWithAPlaceCheckThemselvesIn() {
        assertThat(rosters.selfCheckIn(session(), ona.id())).isTrue();
        assertThatThrownBy(() -> rosters.selfCheckIn(session(), waiting.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.NOT_ENROLLED));
        assertThatThrownBy(() -> rosters.selfCheckIn(session(), stranger.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.NOT_ENROLLED));
        assertThat(fixture.attendanceOf(sessionId, ona.id())).isEqualTo("PRESENT");
        assertThat(events.stream(AttendanceRecorded.class)).singleElement()
                .satisfies(event -> assertThat(event.method()).isEqualTo(AttendanceMethod.SESSION_CODE));
    }

    @Test
    void aWalkInTakesTheLastFreePlaceAndTheNextOneOnlyCounts() {
        Rosters.WalkInResult first = rosters.walkIn(session(), "Petras Walker", "+370 600 00000", null, educator.id());
        Rosters.WalkInResult second = rosters.walkIn(session(), "Rasa Late", "", null, educator.id());

        assertThat(first.placeTaken()).isTrue();
        assertThat(second.placeTaken()).as("three places, all taken").isFalse();
        assertThat(jdbc.sql("SELECT confirmed FROM place_pool WHERE id = ?").param(pool).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE pool_id = ? AND source = 'WALK_IN' AND status = 'CONFIRMED'")
                .param(pool).query(Integer.class).single()).isEqualTo(1);
        Roster roster = rosters.roster(session(), Locale.ENGLISH);
        assertThat(roster.present()).isEqualTo(2);
        assertThat(roster.confirmed()).extracting(Roster.Entry::name).contains("Petras Walker");
        assertThat(roster.walkIns()).extracting(Roster.Entry::name).containsExactly("Rasa Late");
        assertThat(events.stream(AttendanceRecorded.class)).hasSize(2)
                .allSatisfy(event -> assertThat(event.method()).isEqualTo(AttendanceMethod.WALK_IN));
    }

    @Test
    void aWalkInWithTheEmailOfAnAccountCountsForThatPerson() {
        rosters.walkIn(session(), "", stranger.email(), null, educator.id());

        assertThat(fixture.attendanceOf(sessionId, stranger.id())).isEqualTo("PRESENT");
        assertThat(events.stream(AttendanceRecorded.class)).singleElement()
                .satisfies(event -> assertThat(event.accountId()).isEqualTo(stranger.id()));
        assertThatThrownBy(() -> rosters.walkIn(session(), " ", "", null, educator.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.NAME_REQUIRED));
    }

    @Test
    void finishingRecordsEachAbsentPersonOnceAsANoShow() {
        rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id());

        assertThat(rosters.finish(session(), educator.id())).isEqualTo(1);
        assertThat(rosters.finish(session(), educator.id())).as("finishing again").isZero();

        assertThat(fixture.attendanceOf(sessionId, jonas.id())).isEqualTo("NO_SHOW");
        assertThat(fixture.attendanceOf(sessionId, waiting.id())).as("the waitlist is not a no-show").isNull();
        assertThat(events.stream(NoShowRecorded.class)).singleElement()
                .satisfies(event -> assertThat(event.accountId()).isEqualTo(jonas.id()));

        // Jonas turns up late after all.
        assertThat(rosters.markPresent(session(), jonasPlace, AttendanceMethod.TAP, educator.id())).isTrue();
        assertThat(fixture.attendanceOf(sessionId, jonas.id())).isEqualTo("PRESENT");
        assertThat(rosters.roster(session(), Locale.ENGLISH).noShows()).isZero();
    }

    @Test
    void aSessionNotYetStartedCannotBeFinished() {
        Instant later = Instant.now().plus(Duration.ofDays(1));
        long tomorrow = fixture.session(activity, later, later.plus(Duration.ofHours(1)), null);
        assertThatThrownBy(() -> rosters.finish(catalogue.session(tomorrow).orElseThrow(), educator.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.TOO_EARLY));
    }

    @Test
    void undoingATapRemovesThePresenceAndSaysSo() {
        rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id());
        long attendance = jdbc.sql("SELECT id FROM attendance WHERE session_id = ?").param(sessionId).query(Long.class).single();

        rosters.undo(session(), attendance);

        assertThat(fixture.attendanceRows(sessionId)).isZero();
        assertThat(events.stream(AttendanceWithdrawn.class)).singleElement()
                .satisfies(event -> assertThat(event.accountId()).isEqualTo(ona.id()));
        assertThat(rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id())).as("marked again").isTrue();
    }

    @Test
    void aCoursesRosterIsItsWholeActivitySignUps() {
        long course = fixture.activity(organisation, "COURSE", "Computer course");
        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        long second = fixture.session(course, start, start.plus(Duration.ofHours(1)), 10);
        long coursePool = fixture.pool(course, null, 10);
        fixture.enrol(coursePool, ona, "CONFIRMED");

        Roster roster = rosters.roster(catalogue.session(second).orElseThrow(), Locale.ENGLISH);

        assertThat(roster.confirmed()).extracting(Roster.Entry::name).containsExactly("Ona Onaitė");
        assertThat(roster.capacity()).isEqualTo(10);
    }

    @Test
    void nobodyIsMarkedPresentAtACancelledSession() {
        jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE id = ?").param(sessionId).update();
        assertThatThrownBy(() -> rosters.markPresent(session(), onaPlace, AttendanceMethod.TAP, educator.id()))
                .isInstanceOfSatisfying(RuleViolation.class, rule -> assertThat(rule.reason()).isEqualTo(Rosters.CANCELLED));
        assertThat(events.stream(AttendanceRecorded.class)).isEmpty();
    }
}
