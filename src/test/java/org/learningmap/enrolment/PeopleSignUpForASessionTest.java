package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;

class PeopleSignUpForASessionTest extends EnrolmentTestBase {

    @Test
    void twoHundredPeopleAtOnceForTwentyPlacesGiveTwentyPlacesAndAnOrderedWaitlist() throws Exception {
        long session = classSession(20);
        List<Long> people = IntStream.range(0, 200).mapToObj(i -> person("Crowd " + i)).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EnrolmentOutcome>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long person : people) {
                Callable<EnrolmentOutcome> signUp = () -> {
                    start.await();
                    return signUp(session, person);
                };
                results.add(pool.submit(signUp));
            }
            start.countDown();
        }
        List<EnrolmentOutcome> outcomes = new ArrayList<>();
        for (Future<EnrolmentOutcome> result : results) {
            outcomes.add(result.get());
        }
        assertThat(outcomes).filteredOn(EnrolmentOutcome::confirmed).hasSize(20);
        List<EnrolmentOutcome> waiting = outcomes.stream().filter(EnrolmentOutcome::waitlisted)
                .sorted(Comparator.comparingLong(EnrolmentOutcome::enrolmentId)).toList();
        assertThat(waiting).hasSize(180);
        // the position each person was told is their place in arrival (id) order
        assertThat(waiting.stream().map(EnrolmentOutcome::position).toList())
                .isEqualTo(IntStream.rangeClosed(1, 180).boxed().toList());
        assertThat(confirmedInPool(session)).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE session_id = ? AND status = 'CONFIRMED'").param(session)
                .query(Integer.class).single()).isEqualTo(20);
        assertThat(enrolments.placesLeft(session)).hasValue(0);
    }

    @Test
    void aFreedPlaceGoesToTheFirstInLineAndTheRestMoveUp() {
        long session = classSession(2);
        long ana = person("Ana");
        long ben = person("Ben");
        long cai = person("Cai");
        long dan = person("Dan");
        EnrolmentOutcome first = signUp(session, ana);
        signUp(session, ben);
        EnrolmentOutcome third = signUp(session, cai);
        EnrolmentOutcome fourth = signUp(session, dan);
        assertThat(third.position()).isEqualTo(1);
        assertThat(fourth.position()).isEqualTo(2);

        enrolments.cancel(first.enrolmentId(), ana);

        assertThat(statusOf(first.enrolmentId())).isEqualTo("CANCELLED");
        assertThat(statusOf(third.enrolmentId())).isEqualTo("CONFIRMED");
        assertThat(enrolments.enrolmentFor(session, dan).orElseThrow().position()).isEqualTo(1);
        assertThat(confirmedInPool(session)).isEqualTo(2);
        // the person moved up is told, in their language
        assertThat(jdbc.sql("SELECT subject FROM outbox_email WHERE recipient = ? ORDER BY id").param(fixtures.email(cai))
                .query(String.class).list())
                .containsExactly("You are on the waitlist: Computer basics", "A place freed up for you: Computer basics");
    }

    @Test
    void whenOneSessionOfACourseIsCancelledItsPeopleKeepTheirPlaceAndAreTold() throws Exception {
        long course = activity("COURSE");
        long first = session(course, 5, 4);
        session(course, 5, 11);
        long ona = person("Ona", "lt");
        EnrolmentOutcome place = signUp(first, ona);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/lietuva/staff/organisations/" + orgA + "/activities/" + course + "/sessions/" + first + "/cancel")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(fixtures.principal(editorA)))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM outbox_email WHERE recipient = ? AND subject = 'Vienas užsiėmimas atšauktas: Kompiuterio pradmenys'")
                .param(fixtures.email(ona)).query(Integer.class).single() == 1);
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CONFIRMED");
    }

    @Test
    void leavingTheWaitlistFreesNoPlaceButMovesTheQueue() {
        long session = classSession(1);
        signUp(session, person("Holder"));
        long waiting1 = person("First waiting");
        EnrolmentOutcome w1 = signUp(session, waiting1);
        EnrolmentOutcome w2 = signUp(session, person("Second waiting"));

        enrolments.cancel(w1.enrolmentId(), waiting1);

        assertThat(statusOf(w2.enrolmentId())).isEqualTo("WAITLISTED");
        assertThat(enrolments.enrolmentsOfSession(session, editorA))
                .filteredOn(e -> e.id() == w2.enrolmentId()).singleElement()
                .satisfies(e -> assertThat(e.position()).isEqualTo(1));
        assertThat(confirmedInPool(session)).isEqualTo(1);
    }

    @Test
    void signingUpTwiceGivesTheSamePlaceNotASecondOne() {
        long session = classSession(5);
        long ana = person("Ana");
        EnrolmentOutcome once = signUp(session, ana);
        EnrolmentOutcome twice = signUp(session, ana);
        assertThat(twice.enrolmentId()).isEqualTo(once.enrolmentId());
        assertThat(twice.alreadyEnrolled()).isTrue();
        assertThat(confirmedInPool(session)).isEqualTo(1);
    }

    @Test
    void aDoubleClickAtTheSameMomentGivesOnePlace() throws Exception {
        long session = classSession(5);
        long ana = person("Ana");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EnrolmentOutcome>> clicks = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return signUp(session, ana);
                }));
            }
            start.countDown();
        }
        long id = clicks.getFirst().get().enrolmentId();
        for (Future<EnrolmentOutcome> click : clicks) {
            assertThat(click.get().enrolmentId()).isEqualTo(id);
            assertThat(click.get().confirmed()).isTrue();
        }
        assertThat(confirmedInPool(session)).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerEvenAfterTheSessionFilledUp() {
        long session = classSession(1);
        long ana = person("Ana");
        EnrolmentOutcome first = enrolments.enrol(session, ana, EnrolmentSource.SELF, null, Map.of(), "key-1");
        signUp(session, person("Ben"));
        EnrolmentOutcome retry = enrolments.enrol(session, ana, EnrolmentSource.SELF, null, Map.of(), "key-1");
        assertThat(retry.enrolmentId()).isEqualTo(first.enrolmentId());
        assertThat(retry.confirmed()).isTrue();

        long other = classSession(3);
        assertThatThrownBy(() -> enrolments.enrol(other, ana, EnrolmentSource.SELF, null, Map.of(), "key-1"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.idempotency-key-reused"));
    }

    @Test
    void aCourseIsSignedUpForOnceForAllItsSessions() {
        long course = activity("COURSE");
        long first = session(course, 2, 5);
        long second = session(course, 2, 12);
        long ana = person("Ana");
        EnrolmentOutcome outcome = signUp(second, ana);
        assertThat(outcome.confirmed()).isTrue();
        assertThat(signUp(first, ana).enrolmentId()).isEqualTo(outcome.enrolmentId());
        assertThat(jdbc.sql("SELECT session_id FROM enrolment WHERE id = ?").param(outcome.enrolmentId())
                .query(Long.class).optional()).isEmpty();
        assertThat(enrolments.placesLeft(first)).hasValue(1);
        assertThat(enrolments.placesLeft(second)).hasValue(1);
    }

    @Test
    void noOneSignsUpForACancelledOrEndedSession() {
        long session = classSession(5);
        jdbc.sql("UPDATE session SET status = 'CANCELLED' WHERE id = ?").param(session).update();
        assertThatThrownBy(() -> signUp(session, person("Ana")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.session-cancelled"));
        long past = session(activity("CLASS"), 5, -3);
        assertThatThrownBy(() -> signUp(past, person("Ben")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.closed"));
    }

    @Test
    void morePlacesLetTheWaitlistIn() {
        long session = classSession(1);
        signUp(session, person("Holder"));
        EnrolmentOutcome waiting = signUp(session, person("Waiting"));
        jdbc.sql("UPDATE session SET capacity = 3 WHERE id = ?").param(session).update();
        EnrolmentOutcome newcomer = signUp(session, person("Newcomer"));
        assertThat(statusOf(waiting.enrolmentId())).isEqualTo("CONFIRMED");
        assertThat(newcomer.confirmed()).isTrue();
        assertThat(confirmedInPool(session)).isEqualTo(3);
    }

    @Test
    void fewerPlacesNeverTakeAPlaceAway() {
        long session = classSession(3);
        signUp(session, person("One"));
        signUp(session, person("Two"));
        jdbc.sql("UPDATE session SET capacity = 1 WHERE id = ?").param(session).update();
        assertThat(signUp(session, person("Three")).waitlisted()).isTrue();
        assertThat(jdbc.sql("SELECT capacity FROM place_pool WHERE session_id = ?").param(session).query(Integer.class).single())
                .isEqualTo(2);
    }
}
