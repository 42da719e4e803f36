package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.SessionFacts;
import org.learningmap.shared.LocalizedText;

class EnrolmentRulesTest {

    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    static SessionFacts session(ActivityKind kind, ActivityStatus status, boolean cancelled, Instant starts) {
        return new SessionFacts(1, 2, 3, 4, kind, status, LocalizedText.of("en", "Class"), starts, starts.plus(Duration.ofHours(2)),
                null, LocalizedText.EMPTY, null, null, 10, cancelled);
    }

    static EnrolmentRow row(Long account, EnrolmentStatus status) {
        return new EnrolmentRow(1, 1, 1, 1, 1, 1L, account, status, EnrolmentSource.SELF, "{}", NOW, null, null);
    }

    @Test
    void aPublishedComingSessionIsOpen() {
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.PUBLISHED, false, NOW.plusSeconds(3600)), null, NOW)).isEmpty();
    }

    @Test
    void aSessionThatHasStartedIsOpenUntilItEnds() {
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.PUBLISHED, false, NOW.minusSeconds(600)), null, NOW)).isEmpty();
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.PUBLISHED, false, NOW.minusSeconds(3 * 3600)), null, NOW))
                .hasValue("enrolment.closed");
    }

    @Test
    void aCourseClosesWhenItsFirstSessionStarts() {
        SessionFacts later = session(ActivityKind.COURSE, ActivityStatus.PUBLISHED, false, NOW.plusSeconds(7 * 86400));
        assertThat(EnrolmentRules.maySignUp(later, NOW.minusSeconds(60), NOW)).hasValue("enrolment.closed");
        assertThat(EnrolmentRules.maySignUp(later, NOW.plusSeconds(60), NOW)).isEmpty();
    }

    @Test
    void cancelledDraftAndSelfPacedActivitiesTakeNoSignUps() {
        Instant soon = NOW.plusSeconds(3600);
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.PUBLISHED, true, soon), null, NOW))
                .hasValue("enrolment.session-cancelled");
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.CANCELLED, false, soon), null, NOW))
                .hasValue("enrolment.session-cancelled");
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.CLASS, ActivityStatus.DRAFT, false, soon), null, NOW))
                .hasValue("enrolment.not-published");
        assertThat(EnrolmentRules.maySignUp(session(ActivityKind.ONLINE_COURSE, ActivityStatus.PUBLISHED, false, soon), null, NOW))
                .hasValue("enrolment.no-sign-up");
    }

    @Test
    void onlyThePersonCancelsTheirOwnAndOnlyOnce() {
        assertThat(EnrolmentRules.personMayCancel(row(7L, EnrolmentStatus.CONFIRMED), 7)).isEmpty();
        assertThat(EnrolmentRules.personMayCancel(row(7L, EnrolmentStatus.CONFIRMED), 8)).hasValue("enrolment.not-yours");
        assertThat(EnrolmentRules.personMayCancel(row(null, EnrolmentStatus.CONFIRMED), 8)).hasValue("enrolment.not-yours");
        assertThat(EnrolmentRules.personMayCancel(row(7L, EnrolmentStatus.CANCELLED), 7)).hasValue("enrolment.already-cancelled");
    }

    @Test
    void staffGiveAReason() {
        assertThat(EnrolmentRules.staffMayCancel(row(7L, EnrolmentStatus.WAITLISTED), "  ")).hasValue("enrolment.reason-required");
        assertThat(EnrolmentRules.staffMayCancel(row(7L, EnrolmentStatus.WAITLISTED), "Room closed")).isEmpty();
        assertThat(EnrolmentRules.cleanReason("x".repeat(900))).hasSize(EnrolmentRules.MAX_REASON);
    }
}
