package org.learningmap.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.HttpStatus;

class PeopleAndStaffCancelSignUpsTest extends EnrolmentTestBase {

    @Test
    void nobodyCancelsSomeoneElsesPlaceExceptTheOrganisationsStaff() {
        long session = classSession(1);
        long ana = person("Ana");
        EnrolmentOutcome place = signUp(session, ana);
        EnrolmentOutcome waiting = signUp(session, person("Ben"));

        assertThatThrownBy(() -> enrolments.cancel(place.enrolmentId(), person("Stranger")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("enrolment.not-yours");
                    assertThat(v.status()).isEqualTo(HttpStatus.FORBIDDEN);
                });
        assertThatThrownBy(() -> enrolments.cancel(place.enrolmentId(), editorB, "Not ours to cancel"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> enrolments.cancel(place.enrolmentId(), educatorA, " "))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.reason-required"));
        assertThat(statusOf(place.enrolmentId())).isEqualTo("CONFIRMED");

        enrolments.cancel(place.enrolmentId(), educatorA, "The room is smaller than planned");

        assertThat(statusOf(place.enrolmentId())).isEqualTo("CANCELLED");
        assertThat(statusOf(waiting.enrolmentId())).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT cancelled_by || ':' || cancel_reason FROM enrolment WHERE id = ?").param(place.enrolmentId())
                .query(String.class).single()).isEqualTo("STAFF:The room is smaller than planned");
        assertThatThrownBy(() -> enrolments.cancel(place.enrolmentId(), ana))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.already-cancelled"));
    }

    @Test
    void theLinkInTheConfirmationEmailCancelsWithoutSigningIn() {
        long session = classSession(1);
        long ana = person("Ana");
        EnrolmentOutcome place = signUp(session, ana);
        EnrolmentOutcome waiting = signUp(session, person("Ben"));
        String email = fixtures.email(ana);
        String body = jdbc.sql("SELECT body FROM outbox_email WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(email)
                .query(String.class).single();
        Matcher link = Pattern.compile("/enrolment/manage/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE manage_token_hash = ?").param(token).query(Integer.class).single())
                .as("only a hash of the token is stored").isZero();

        assertThat(enrolments.byManageLink(token)).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(place.enrolmentId()));
        enrolments.cancelByLink(token);

        assertThat(statusOf(place.enrolmentId())).isEqualTo("CANCELLED");
        assertThat(statusOf(waiting.enrolmentId())).isEqualTo("CONFIRMED");
        assertThatThrownBy(() -> enrolments.cancelByLink(token))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.already-cancelled"));
        assertThatThrownBy(() -> enrolments.cancelByLink("x".repeat(43)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.reason()).isEqualTo("enrolment.invalid-link"));
    }

    @Test
    void staffOfAnotherOrganisationSeeNoSignUps() {
        long session = classSession(3);
        signUp(session, person("Ana"));
        assertThat(enrolments.enrolmentsOfSession(session, educatorA)).hasSize(1);
        assertThatThrownBy(() -> enrolments.enrolmentsOfSession(session, editorB))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> enrolments.enrolmentsOfActivity(activityOf(session), editorB))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }
}
