package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.learningmap.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;

/** Only the issuer's editors (or a platform administrator) revoke an award, with a reason. */
class RevokingAnAwardTest extends RecognitionTestBase {

    @Autowired
    ApplicationEvents events;

    @Test
    void anEditorOfTheIssuerRevokesWithAReasonAndOthersHearOfIt() {
        Badge badge = customBadge("Tablet basics");
        Award award = recognition.award(toAccount(badge.id(), learner, key())).award();

        recognition.revoke(award.id(), "Awarded to the wrong person", editorA);

        Award revoked = recognition.award(award.id()).orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revocationReason()).isEqualTo("Awarded to the wrong person");
        assertThat(events.stream(AwardRevoked.class).filter(e -> e.awardId() == award.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("Awarded to the wrong person");
                    assertThat(e.accountId()).isEqualTo(learner);
                    assertThat(e.organisationId()).isEqualTo(orgA);
                });

        recognition.revoke(award.id(), "Again", editorA);
        assertThat(events.stream(AwardRevoked.class).filter(e -> e.awardId() == award.id())).hasSize(1);
        assertThat(recognition.award(award.id()).orElseThrow().revocationReason()).isEqualTo("Awarded to the wrong person");
    }

    @Test
    void afterARevocationThePersonMayEarnTheBadgeAgain() {
        Badge badge = customBadge("Mobile banking");
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();
        recognition.revoke(award.id(), "Entered by mistake", editorA);

        AwardOutcome again = recognition.award(toAccount(badge.id(), learner, null));

        assertThat(again.created()).isTrue();
        assertThat(again.award().statusIndex()).isNotEqualTo(award.statusIndex());
    }

    @Test
    void staffOfAnotherOrganisationAnEducatorAndTheLearnerMayNotRevoke() {
        Badge badge = customBadge("Coding club");
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();

        for (long someone : new long[] {editorB, educatorA, learner}) {
            assertThatThrownBy(() -> recognition.revoke(award.id(), "No", someone))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.reason()).isEqualTo("recognition.forbidden");
                        assertThat(v.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    });
        }
        assertThat(recognition.award(award.id()).orElseThrow().revoked()).isFalse();
        assertThat(events.stream(AwardRevoked.class).filter(e -> e.awardId() == award.id())).isEmpty();
        assertThat(recognition.mayManage(editorA, orgA)).isTrue();
        assertThat(recognition.mayManage(editorB, orgA)).isFalse();
    }

    @Test
    void aRevocationNeedsAReason() {
        Badge badge = customBadge("Digital photos");
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();

        assertThatThrownBy(() -> recognition.revoke(award.id(), "  ", editorA))
                .isInstanceOf(RuleViolation.class).extracting("reason").isEqualTo("recognition.revoke.reason-required");
        assertThat(recognition.award(award.id()).orElseThrow().revoked()).isFalse();
    }
}
