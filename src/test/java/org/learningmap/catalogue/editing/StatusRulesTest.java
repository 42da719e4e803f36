package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.learningmap.catalogue.ActivityKind;
import org.learningmap.catalogue.ActivityStatus;
import org.learningmap.catalogue.editing.StatusRules.Decision;
import org.learningmap.catalogue.editing.StatusRules.PublishFacts;

class StatusRulesTest {

    private static PublishFacts ready(ActivityStatus status, ActivityKind kind, boolean approved, boolean title, int sessions,
                                      boolean moderated) {
        return new PublishFacts(status, kind, approved, title, sessions, moderated);
    }

    @Test
    void aCompleteDraftOfAnApprovedOrganisationIsPublished() {
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.COURSE, true, true, 8, false)))
                .isEqualTo(new Decision.Allowed(ActivityStatus.PUBLISHED));
    }

    @Test
    void onAModeratedSiteItWaitsForReview() {
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.COURSE, true, true, 8, true)))
                .isEqualTo(new Decision.Allowed(ActivityStatus.PENDING_REVIEW));
    }

    @Test
    void anOrganisationThatIsNotApprovedCannotPublish() {
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.COURSE, false, true, 8, false)))
                .isEqualTo(new Decision.Refused("activity.organisation-not-approved"));
    }

    @Test
    void publishingNeedsAnUpcomingSessionExceptForAnOnlineCourse() {
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.CLASS, true, true, 0, false)))
                .isEqualTo(new Decision.Refused("activity.needs-session"));
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.ONLINE_COURSE, true, true, 0, false)))
                .isEqualTo(new Decision.Allowed(ActivityStatus.PUBLISHED));
    }

    @Test
    void publishingNeedsATitleInTheDefaultLanguage() {
        assertThat(StatusRules.publish(ready(ActivityStatus.DRAFT, ActivityKind.CLASS, true, false, 3, false)))
                .isEqualTo(new Decision.Refused("activity.needs-title"));
    }

    @Test
    void onlyADraftIsPublished() {
        for (ActivityStatus status : new ActivityStatus[] {ActivityStatus.PUBLISHED, ActivityStatus.PENDING_REVIEW,
                ActivityStatus.CANCELLED, ActivityStatus.ARCHIVED}) {
            assertThat(StatusRules.publish(ready(status, ActivityKind.CLASS, true, true, 3, false)))
                    .isEqualTo(new Decision.Refused("activity.not-a-draft"));
        }
    }

    @Test
    void aCoordinatorApprovesOnlyWhatWaitsAndOnlyWhenTheRulesStillHold() {
        assertThat(StatusRules.approve(ready(ActivityStatus.PENDING_REVIEW, ActivityKind.CLASS, true, true, 1, true)))
                .isEqualTo(new Decision.Allowed(ActivityStatus.PUBLISHED));
        assertThat(StatusRules.approve(ready(ActivityStatus.DRAFT, ActivityKind.CLASS, true, true, 1, true)))
                .isEqualTo(new Decision.Refused("activity.not-pending"));
        assertThat(StatusRules.approve(ready(ActivityStatus.PENDING_REVIEW, ActivityKind.CLASS, true, true, 0, true)))
                .isEqualTo(new Decision.Refused("activity.needs-session"));
    }

    @Test
    void sendingBackNeedsAReason() {
        assertThat(StatusRules.sendBack(ActivityStatus.PENDING_REVIEW, "Please add the address"))
                .isEqualTo(new Decision.Allowed(ActivityStatus.DRAFT));
        assertThat(StatusRules.sendBack(ActivityStatus.PENDING_REVIEW, "  ")).isEqualTo(new Decision.Refused("activity.reason-required"));
        assertThat(StatusRules.sendBack(ActivityStatus.PUBLISHED, "late")).isEqualTo(new Decision.Refused("activity.not-pending"));
    }

    @Test
    void cancelAndArchive() {
        assertThat(StatusRules.cancel(ActivityStatus.PUBLISHED)).isEqualTo(new Decision.Allowed(ActivityStatus.CANCELLED));
        assertThat(StatusRules.cancel(ActivityStatus.CANCELLED)).isEqualTo(new Decision.Refused("activity.already-closed"));
        assertThat(StatusRules.cancel(ActivityStatus.ARCHIVED)).isEqualTo(new Decision.Refused("activity.already-closed"));
        assertThat(StatusRules.archive(ActivityStatus.CANCELLED)).isEqualTo(new Decision.Allowed(ActivityStatus.ARCHIVED));
        assertThat(StatusRules.archive(ActivityStatus.ARCHIVED)).isEqualTo(new Decision.Refused("activity.already-archived"));
    }
}
