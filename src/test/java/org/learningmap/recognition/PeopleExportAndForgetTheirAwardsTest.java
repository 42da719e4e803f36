package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/** A person's awards are in the export of their data, and nothing of them names the person once the account is deleted. */
class PeopleExportAndForgetTheirAwardsTest extends RecognitionTestBase {

    @Autowired
    RecognitionPersonalData personalData;
    @Autowired
    ApplicationEvents events;

    @Test
    void theExportListsThePersonsAwardsAndForgettingRevokesThemWithoutANameLeft() {
        Badge first = customBadge("Online forms");
        Badge second = customBadge("Cloud storage");
        Award kept = recognition.award(new AwardRequest(first.id(), learner, null, null, AwardPath.EDUCATOR, "Filled in three forms",
                "https://example.org/evidence", editorA, null)).award();
        Award revokedBefore = recognition.award(toAccount(second.id(), learner, null)).award();
        recognition.revoke(revokedBefore.id(), "Wrong group", editorA);
        Award someoneElses = recognition.award(toAccount(first.id(), fixtures.account("Someone else"), null)).award();

        @SuppressWarnings("unchecked")
        List<RecognitionPersonalData.AwardPart> export = (List<RecognitionPersonalData.AwardPart>) personalData.export(learner);
        assertThat(export).extracting(RecognitionPersonalData.AwardPart::badge).containsExactlyInAnyOrder("Online forms", "Cloud storage");
        assertThat(export).extracting(RecognitionPersonalData.AwardPart::narrative).contains("Filled in three forms");

        personalData.forget(learner);

        Award forgotten = recognition.award(kept.id()).orElseThrow();
        assertThat(forgotten.accountId()).isNull();
        assertThat(forgotten.recipientEmail()).isNull();
        assertThat(forgotten.recipientName()).isNull();
        assertThat(forgotten.narrative()).isNull();
        assertThat(forgotten.evidenceUrl()).isNull();
        assertThat(forgotten.revoked()).isTrue();
        assertThat(forgotten.statusIndex()).isEqualTo(kept.statusIndex());
        assertThat(recognition.award(revokedBefore.id()).orElseThrow().revocationReason()).isEqualTo("Wrong group");
        assertThat(recognition.awardsOf(learner)).isEmpty();
        assertThat(events.stream(AwardRevoked.class).filter(e -> e.awardId() == kept.id())).singleElement()
                .satisfies(e -> assertThat(e.accountId()).isNull());
        assertThat(events.stream(AwardRevoked.class).filter(e -> e.awardId() == revokedBefore.id())).hasSize(1);
        assertThat(recognition.award(someoneElses.id()).orElseThrow().revoked()).isFalse();
    }
}
